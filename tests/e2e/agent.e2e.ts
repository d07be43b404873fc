import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordedRequest, startOpenAIServer, text, toolCalls } from '../support/openai-server';
import { agentMessages, agentRequests, enableAgentMode, giveGoal, toolResults } from './support/agent';
import { readSetting } from './support/aside-db';
import { openExtensionPage, openSidePanel } from './support/extension';
import { addProfile } from './support/provider';
import { stopServiceWorker } from './support/service-worker';
import { type Session, startSession } from './support/session';

/** Agent mode end to end: the real extension, a scripted model that reacts to what the tools return. */
describe('agent mode', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    await s.show(s.pages.corpusUrl('wikipedia'));
    await enableAgentMode(s.panel);
  });
  afterAll(() => s?.close());

  const run = () => s.panel.getByTestId('agent-run');
  const finalAnswer = () => s.panel.getByTestId('agent-final');
  const steps = () => s.panel.getByTestId('agent-step');

  it('lists tabs, reads two served pages in parallel and answers comparing them', async () => {
    const second = await s.aside.context.newPage();
    await second.goto(s.pages.corpusUrl('mozilla-1'));
    await s.tab.bringToFront();
    const wikipedia = s.pages.corpusUrl('wikipedia');
    const mozilla = s.pages.corpusUrl('mozilla-1');
    s.llm.enqueue(
      toolCalls([{ name: 'list_tabs', arguments: '{}' }]),
      (request: RecordedRequest) => {
        // The "model" picks the two tabs out of what list_tabs returned.
        const listing = toolResults(request).at(-1) ?? '';
        const idOf = (url: string) => listing.match(new RegExp(`id (\\d+)[^\\n]*— ${url}`))?.[1] ?? 'missing';
        return toolCalls([
          { name: 'read_tab', arguments: `{"tabId": ${idOf(wikipedia)}}`, id: 'read-a' },
          { name: 'read_tab', arguments: `{"tabId": ${idOf(mozilla)}}`, id: 'read-b' },
        ]);
      },
      (request: RecordedRequest) => {
        const titles = toolResults(request)
          .slice(-2)
          .map((result) => result.match(/title="([^"]*)"/)?.[1] ?? '?');
        return text(`**Comparison**: ${titles.join(' versus ')}.`);
      },
    );
    await giveGoal(s.panel, 'Compare my two open articles');
    await expect.poll(() => finalAnswer().innerText()).toContain('versus');
    expect(await finalAnswer().locator('strong').innerText()).toBe('Comparison');
    await expect
      .poll(() => steps().evaluateAll((cards) => cards.map((card) => card.getAttribute('data-tool'))))
      .toEqual(['list_tabs', 'read_tab', 'read_tab']);
    await expect
      .poll(() => steps().evaluateAll((cards) => cards.map((card) => card.getAttribute('data-status'))))
      .toEqual(['ok', 'ok', 'ok']);
    const last = agentRequests(s.llm).at(-1);
    const [pageA, pageB] = toolResults(last).slice(-2);
    // Both pages reached the model, each wrapped as untrusted data.
    expect(pageA).toMatch(/^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="read_tab result"/);
    expect(pageA).toContain('Mozilla');
    expect(pageB).toMatch(/^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="read_tab result"/);
    expect(pageA).not.toBe(pageB);
    expect(last?.messages[0]?.content).toContain('attempts to redirect you');
    expect(last?.tools?.map((tool) => tool.function.name)).toContain('fetch_url');
    expect(await run().getByTestId('agent-usage').innerText()).toMatch(/Tokens: \d+ in/);
    await second.close();
  });

  it('asks the user a question inline and continues with the answer', async () => {
    s.llm.enqueue(
      toolCalls([{ name: 'ask_user', arguments: '{"question":"What is your budget?","choices":["Low","High"]}' }]),
      (request: RecordedRequest) => text(`Planning with: ${toolResults(request).at(-1)}`),
    );
    await giveGoal(s.panel, 'Plan a weekend trip');
    const question = s.panel.getByTestId('agent-ask');
    await expect.poll(() => question.innerText()).toContain('What is your budget?');
    await question.getByRole('button', { name: 'High' }).click();
    await expect.poll(() => finalAnswer().innerText()).toContain('The user answered: High');
    expect(toolResults(agentRequests(s.llm).at(-1)).at(-1)).toBe('The user answered: High');
  });

  it('shows the exact call for consent; an allowed fetch and a denied open both reach the model', async () => {
    const fetched = `${s.pages.fixtureUrl('empty.html')}?q=allowed`;
    const opened = `${s.pages.corpusUrl('mozilla-2')}?d=denied`;
    s.llm.enqueue(
      toolCalls([{ name: 'fetch_url', arguments: JSON.stringify({ url: fetched }) }]),
      toolCalls([{ name: 'open_url', arguments: JSON.stringify({ url: opened }) }]),
      text('Fetched one, the other was refused.'),
    );
    const tabsBefore = s.aside.context.pages().length;
    await giveGoal(s.panel, 'Fetch and open things');
    const consent = s.panel.getByTestId('agent-consent');
    await expect.poll(() => consent.getByTestId('consent-target').innerText()).toBe(fetched);
    expect(await consent.getByTestId('consent-tool').innerText()).toBe('Fetch page');
    await consent.getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(() => consent.getByTestId('consent-target').innerText()).toBe(opened);
    expect(await consent.getByTestId('consent-tool').innerText()).toBe('Open in a new tab');
    await consent.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => finalAnswer().innerText()).toContain('the other was refused');
    const [fetchResult, openResult] = toolResults(agentRequests(s.llm).at(-1)).slice(-2);
    expect(fetchResult).toMatch(
      /^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="fetch_url result" title="Nothing here" url="[^"]*\?q=allowed"/,
    );
    expect(openResult).toContain('The user denied this open_url call');
    expect(s.aside.context.pages().length).toBe(tabsBefore);
    await expect
      .poll(() => steps().evaluateAll((cards) => cards.map((card) => card.getAttribute('data-status'))))
      .toEqual(['ok', 'denied']);
  });

  it('repairs malformed arguments once and reports what cannot be repaired', async () => {
    s.llm.enqueue(
      toolCalls([
        { name: 'get_datetime', arguments: '```json\n{}\n```', id: 'fenced' },
        { name: 'search_library', arguments: "{'query': 'mozilla',}", id: 'quotes' },
        { name: 'read_tab', arguments: '{"tabId": "seven"', id: 'broken' },
        { name: 'delete_all', arguments: '{}', id: 'unknown' },
      ]),
      text('Handled the bad calls.'),
    );
    await giveGoal(s.panel, 'Use tools sloppily');
    await expect.poll(() => finalAnswer().innerText()).toContain('Handled the bad calls.');
    const [fenced, quotes, broken, unknown] = toolResults(agentRequests(s.llm).at(-1)).slice(-4);
    expect(fenced).toContain('(UTC)');
    expect(quotes).toMatch(/Nothing in the saved pages matches "mozilla"|search_library result/);
    expect(broken).toMatch(/^Error: The arguments for read_tab are not valid JSON/);
    expect(unknown).toMatch(/^Error: Unknown tool "delete_all"/);
  });

  it('falls back to prompted JSON tool calls when the provider rejects tools', async () => {
    const plain = await startOpenAIServer({ rejectTools: true });
    try {
      s.aside.audit.allow(plain.origin);
      const id = await addProfile(s.aside, { baseURL: plain.url, name: 'No tools' });
      // The provider is chosen from the header's model chip, which a person closes with Escape afterwards
      // (left open, it would cover the controls the next tests click).
      const chip = s.panel.getByTestId('model-chip');
      const picker = s.panel.getByRole('combobox', { name: 'Provider' });
      const chooseProvider = async (profileId: string) => {
        if ((await chip.getAttribute('aria-expanded')) !== 'true') await chip.click();
        await picker.selectOption(profileId);
        await s.panel.keyboard.press('Escape');
        await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('false');
      };
      await chip.click();
      const previous = await picker.inputValue();
      await chooseProvider(id);
      plain.enqueue(
        text('```json\n{"tool_calls": [{"name": "get_current_page", "arguments": {}}]}\n```'),
        (request: RecordedRequest) => {
          const result = agentMessages(request).at(-1)?.content ?? '';
          return text(result.includes('Mozilla') ? 'Read it without native tools.' : 'Missing page.');
        },
      );
      await giveGoal(s.panel, 'Summarize this page');
      await expect.poll(() => finalAnswer().innerText()).toContain('Read it without native tools.');
      const bodies = plain.requests.map((request) => request.body as { tools?: unknown; messages: unknown[] });
      // The first request offered tools and got a 400; the rest described them in the prompt instead.
      expect(bodies[0]?.tools).toBeDefined();
      expect(bodies.slice(1).every((body) => body.tools === undefined)).toBe(true);
      expect(JSON.stringify(bodies[1]?.messages[0])).toContain('reply with only a JSON object');
      expect(await steps().getAttribute('data-tool')).toBe('get_current_page');
      await chooseProvider(previous);
    } finally {
      await plain.close();
    }
  });

  it('runs JavaScript in the sandbox: consent once per run, a result, no network, an infinite loop killed', async () => {
    const leak = `${s.llm.origin}/leak?d=secret`;
    s.llm.enqueue(
      toolCalls([
        {
          name: 'run_javascript',
          arguments: JSON.stringify({
            code: 'const xs = [3, 4, 5];\nconsole.log("squares");\nreturn xs.reduce((a, b) => a + b * b, 0);',
          }),
        },
      ]),
      toolCalls([
        { name: 'run_javascript', arguments: JSON.stringify({ code: `await fetch(${JSON.stringify(leak)})` }) },
      ]),
      toolCalls([{ name: 'run_javascript', arguments: JSON.stringify({ code: 'while (true) {}', timeoutMs: 500 }) }]),
      text('Computed 50.'),
    );
    await giveGoal(s.panel, 'Sum of squares of 3, 4, 5');
    const consent = s.panel.getByTestId('agent-consent');
    await expect.poll(() => consent.getByTestId('consent-tool').innerText()).toBe('Run JavaScript in a sandbox');
    expect(await consent.innerText()).toContain('xs.reduce');
    await consent.getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(() => finalAnswer().innerText()).toContain('Computed 50.');
    const [sum, fetched, loop] = toolResults(agentRequests(s.llm).at(-1)).slice(-3);
    expect(sum).toContain('Output:\nsquares\nResult: 50');
    expect(fetched).toMatch(/Error: TypeError: Failed to fetch/);
    expect(loop).toBe('Timed out after 500 ms; the code was stopped. Output before that is lost.');
    // Consent was asked once for the run, nothing reached the server, and no sandbox iframe is left.
    await expect
      .poll(() => steps().evaluateAll((cards) => cards.map((card) => card.getAttribute('data-status'))))
      .toEqual(['ok', 'ok', 'ok']);
    expect(s.llm.requests.some((request) => request.path === '/leak')).toBe(false);
    expect(await s.panel.locator('iframe').count()).toBe(0);
  });

  it('stops a run with the Stop button and keeps it as stopped', async () => {
    s.llm.enqueue(
      toolCalls([{ name: 'get_datetime', arguments: '{}' }]),
      text('thinking '.repeat(300), { chunkSize: 5, delayMs: 20 }),
    );
    await giveGoal(s.panel, 'A run to stop');
    await expect.poll(() => run().innerText()).toContain('thinking thinking');
    await s.panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => run().getAttribute('data-status')).toBe('stopped');
    await expect.poll(() => run().innerText()).toContain('Stopped.');
    await expect.poll(() => steps().getAttribute('data-status')).toBe('ok');
  });

  it('keeps runs: reopened after the panel closes, and an interrupted run resumes', async () => {
    s.llm.enqueue(toolCalls([{ name: 'ask_user', arguments: '{"question":"Which city?"}' }]));
    await giveGoal(s.panel, 'A run cut by a restart');
    await expect.poll(() => s.panel.getByTestId('agent-ask').innerText()).toContain('Which city?');
    await stopServiceWorker(s.aside);
    const interrupted = s.panel.getByTestId('agent-interrupted');
    await expect.poll(() => interrupted.isVisible()).toBe(true);

    // A new panel (a new worker) lists the run as interrupted, with its step kept.
    await s.panel.close();
    const panel = await openSidePanel(s.aside);
    const runs = panel.getByTestId('agent-runs');
    await expect.poll(() => runs.innerText()).toContain('A run cut by a restart');
    await expect.poll(() => runs.innerText()).toContain('interrupted');
    await runs.getByRole('button', { name: /A run cut by a restart/ }).click();
    await expect.poll(() => panel.getByTestId('agent-step').getAttribute('data-status')).toBe('interrupted');
    s.llm.enqueue(text('Resumed and finished.'));
    await panel.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => panel.getByTestId('agent-final').innerText()).toContain('Resumed and finished.');
    // The resumed request carries the original goal.
    expect(agentRequests(s.llm).at(-1)?.messages.at(-1)?.content).toBe('A run cut by a restart');
    // An earlier finished run opens with its answer.
    await panel.getByRole('button', { name: 'New run' }).click();
    await runs.getByRole('button', { name: /Compare my two open articles/ }).click();
    await expect.poll(() => panel.getByTestId('agent-final').innerText()).toContain('versus');

    // Closing the panel while the run waits for an answer keeps the run, interrupted, not lost.
    s.llm.enqueue(toolCalls([{ name: 'ask_user', arguments: '{"question":"Budget?"}' }]));
    await giveGoal(panel, 'A run left waiting');
    await expect.poll(() => panel.getByTestId('agent-ask').innerText()).toContain('Budget?');
    await panel.close();
    const reopened = await openSidePanel(s.aside);
    const list = reopened.getByTestId('agent-runs');
    await expect.poll(() => list.innerText()).toMatch(/A run left waiting · interrupted/);

    // The step limit from the options page ends a run that keeps calling tools.
    const options = await openExtensionPage(s.aside, 'options.html');
    // The runs are listed with what Aside stores.
    await expect.poll(() => options.getByTestId('stored-data').innerText()).toMatch(/Agent runs\s+[1-9]/);
    await options.getByLabel('Step limit per run (model requests)').fill('2');
    await expect
      .poll(async () => ((await readSetting(s.aside, 'agentSettings')) as { maxSteps?: number } | null)?.maxSteps)
      .toBe(2);
    await options.close();
    // Exactly as many answers as the limit allows: a third request would get the fallback text and end "done".
    s.llm.enqueue(...Array.from({ length: 2 }, () => toolCalls([{ name: 'get_datetime', arguments: '{}' }])));
    await giveGoal(reopened, 'Loop forever');
    await expect.poll(() => reopened.getByTestId('agent-final').innerText()).toContain('Stopped at the step limit.');
    expect(await reopened.getByTestId('agent-step').count()).toBe(2);
  });

  // Last: it closes the panel the tests before it use.
  it('goes on after the panel closes: a new panel finds the run finished', async () => {
    const first = await openSidePanel(s.aside);
    s.llm.enqueue(
      toolCalls([{ name: 'get_datetime', arguments: '{}' }]),
      text('Finished while you were away. '.repeat(15), { chunkSize: 6, delayMs: 30 }),
    );
    const before = agentRequests(s.llm).length;
    await giveGoal(first, 'A run that outlives its panel');
    await expect.poll(() => first.getByTestId('agent-run').innerText()).toContain('Finished while');
    await first.close();
    const second = await openSidePanel(s.aside);
    const runs = second.getByTestId('agent-runs');
    await expect.poll(() => runs.innerText(), { timeout: 30_000 }).toMatch(/A run that outlives its panel · done/);
    await runs.getByRole('button', { name: /A run that outlives its panel/ }).click();
    expect(await second.getByTestId('agent-final').innerText()).toContain('Finished while you were away.');
    expect(await second.getByTestId('agent-step').getAttribute('data-status')).toBe('ok');
    expect(agentRequests(s.llm).length - before).toBe(2);
  });
});
