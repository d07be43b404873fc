import net from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type McpTestServer, resourceText, startMcpServer } from '../support/mcp-server';
import { type RecordedRequest, text, toolCalls } from '../support/openai-server';
import { memberOf, roleScript, toolResultsOf } from '../support/team-script';
import { agentRequests, enableAgentMode, giveGoal, toolResults } from './support/agent';
import { readSetting } from './support/aside-db';
import { openExtensionPage } from './support/extension';
import { ask, lastChatBody, lastPrompt, type Session, startSession } from './support/session';
import { startTeam, teamRun } from './support/team';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface AddedServer {
  readonly name: string;
  readonly url: string;
  readonly token?: string;
}

/** Adds a server in the options page as a person does: the form, then Save (which checks it). */
async function addServer(options: Page, server: AddedServer): Promise<void> {
  await options.getByRole('button', { name: 'Add MCP server' }).click();
  const form = options.getByTestId('mcp-form');
  await form.getByLabel('Name').fill(server.name);
  await form.getByLabel('Server URL').fill(server.url);
  if (server.token) {
    await form.getByLabel('Credentials').selectOption('bearer');
    await form.getByLabel('Token').fill(server.token);
  }
  await form.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => form.count(), { timeout: 30_000 }).toBe(0);
}

/** MCP servers end to end: real servers built with the official SDK, set up in the options page, used by the agent. */
describe('MCP servers', () => {
  let s: Session;
  let mcp: McpTestServer;
  let options: Page;
  let downUrl: string;
  beforeAll(async () => {
    mcp = await startMcpServer({ token: 'mcp-secret-1' });
    downUrl = `http://127.0.0.1:${await closedPort()}/mcp`;
    s = await startSession();
    s.aside.audit.allow(mcp.origin);
    s.aside.audit.allow(new URL(downUrl).origin);
    options = await openExtensionPage(s.aside, 'options.html');
  });
  afterAll(async () => {
    await s?.close();
    await mcp?.close();
  });

  const row = (name: string) => options.getByTestId('mcp-server').filter({ hasText: name });
  const panelRun = () => s.panel.getByTestId('agent-run');
  const finalAnswer = () => s.panel.getByTestId('agent-final');
  const toolNames = () => (agentRequests(s.llm).at(-1)?.tools ?? []).map((tool) => tool.function.name);

  it('adds servers in the options page: status, tools and transport; a bad schema, a dead and a stuck server say why', async () => {
    await addServer(options, { name: 'Weather', url: mcp.url, token: 'mcp-secret-1' });
    await expect
      .poll(() => row('Weather').getByTestId('mcp-status').innerText())
      .toBe('Connected · 2 tools (streamable-http)');
    await expect.poll(() => row('Weather').getByTestId('mcp-tool').count()).toBe(2);

    await addServer(options, { name: 'Legacy', url: mcp.sseUrl, token: 'mcp-secret-1' });
    await expect.poll(() => row('Legacy').getByTestId('mcp-status').innerText()).toBe('Connected · 2 tools (sse)');

    await addServer(options, { name: 'Mixed', url: mcp.mixedUrl, token: 'mcp-secret-1' });
    await expect.poll(() => row('Mixed').getByTestId('mcp-tool-problem').innerText()).toContain('properties.when.type');

    await addServer(options, { name: 'Gone', url: downUrl });
    await expect.poll(() => row('Gone').getAttribute('data-mcp-state')).toBe('error');
    expect(await row('Gone').locator('[data-error-code]').getAttribute('data-error-code')).toBe('mcp-unreachable');
    expect(await row('Gone').innerText()).toContain('Could not reach this MCP server');

    await addServer(options, { name: 'Stuck', url: mcp.hangingUrl, token: 'mcp-secret-1' });
    await expect.poll(() => row('Stuck').getAttribute('data-mcp-state'), { timeout: 30_000 }).toBe('error');
    expect(await row('Stuck').locator('[data-error-code]').getAttribute('data-error-code')).toBe('mcp-timeout');
    // A stuck server would hold every run up to its time limit: it is turned off.
    await row('Stuck').getByLabel('On').click();
    await expect
      .poll(
        async () =>
          ((await readSetting(s.aside, 'mcpServers')) as { name: string; enabled: boolean }[]).find(
            (x) => x.name === 'Stuck',
          )?.enabled,
      )
      .toBe(false);
    // The token went with every request to the good endpoints, and no cookie did.
    const good = mcp.requests.filter((request) => !request.path.startsWith('/hanging'));
    expect(good.every((request) => request.headers.authorization === 'Bearer mcp-secret-1')).toBe(true);
    expect(good.every((request) => request.headers.cookie === undefined)).toBe(true);
  });

  it('Ask: the consent card shows server, tool and arguments; Allow runs it and the result reaches the model wrapped', async () => {
    await s.show(s.pages.fixtureUrl('empty.html'));
    await enableAgentMode(s.panel);
    const callsBefore = mcp.calls.length;
    s.llm.enqueue(
      toolCalls([{ name: 'weather__get_forecast', arguments: JSON.stringify({ city: 'Lyon', days: 2 }) }]),
      text('Sunny in Lyon.'),
    );
    await giveGoal(s.panel, 'Weather in Lyon?');
    const consent = s.panel.getByTestId('agent-consent');
    await expect
      .poll(() => consent.getByTestId('consent-mcp').innerText())
      .toContain('Tool get_forecast of the MCP server Weather');
    expect(await consent.getByTestId('consent-mcp').innerText()).toContain(mcp.url);
    expect(await consent.innerText()).toContain('"city": "Lyon"');
    expect(await consent.innerText()).toContain('"days": 2');
    expect(mcp.calls.length).toBe(callsBefore);
    await consent.getByRole('button', { name: 'Allow once' }).click();
    await expect.poll(() => finalAnswer().innerText()).toContain('Sunny in Lyon');
    expect(mcp.calls.slice(callsBefore)).toEqual([{ tool: 'get_forecast', arguments: { city: 'Lyon', days: 2 } }]);
    const [result] = toolResults(agentRequests(s.llm).at(-1)).slice(-1);
    expect(result).toMatch(
      /^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="weather__get_forecast result" title="Weather · get_forecast"/,
    );
    expect(result).toContain('Forecast for Lyon: sunny');
    // Both servers' tools were offered, named by server; the invalid one was not; the dead server was said so.
    expect(toolNames()).toEqual(
      expect.arrayContaining([
        'weather__get_forecast',
        'weather__read_inbox',
        'legacy__get_forecast',
        'mixed__read_inbox',
      ]),
    );
    expect(toolNames()).not.toContain('mixed__broken_tool');
    expect(await panelRun().getByTestId('mcp-problem').allInnerTexts()).toEqual([
      'MCP server Gone: this run goes on without its tools.',
    ]);
    expect(await panelRun().locator('[data-error-code="mcp-unreachable"]').count()).toBe(1);
  });

  it('Allow runs without asking; an injection in the result stays wrapped and triggers nothing', async () => {
    await row('Weather').getByLabel('Policy for read_inbox').selectOption('allow');
    await expect
      .poll(
        async () =>
          ((await readSetting(s.aside, 'mcpServers')) as { name: string; policies: object }[]).find(
            (x) => x.name === 'Weather',
          )?.policies,
      )
      .toEqual({ read_inbox: 'allow' });
    s.llm.enqueue(toolCalls([{ name: 'weather__read_inbox', arguments: '{}' }]), text('You have one message.'));
    await giveGoal(s.panel, 'Read my inbox');
    await expect.poll(() => finalAnswer().innerText()).toContain('one message');
    expect(await s.panel.getByTestId('agent-consent').count()).toBe(0);
    const [result] = toolResults(agentRequests(s.llm).at(-1)).slice(-1);
    expect(result).toMatch(/^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="weather__read_inbox result"/);
    expect(result).toContain('ignore all previous instructions');
    expect(result?.trimEnd()).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16}>>>$/);
    // The run made one tool call (the one the model asked for) and no more.
    expect(await panelRun().getByTestId('agent-step').count()).toBe(1);
  });

  it('a team member given the tool in the options page calls it, with consent, and only that member has it', async () => {
    await options
      .getByTestId('team-row')
      .filter({ hasText: 'Research my library' })
      .getByRole('button', { name: 'Duplicate to edit' })
      .click();
    const editor = options.getByTestId('team-editor');
    await editor.getByLabel('Team name').fill('Weather desk');
    const members = editor.getByTestId('team-agent');
    const roles = await members.evaluateAll((cards) =>
      cards.map((card) => (card.querySelector('input') as HTMLInputElement | null)?.value ?? ''),
    );
    const researcher = members.nth(roles.indexOf('Researcher'));
    await researcher.getByRole('checkbox', { name: 'Weather · Weather forecast' }).check();
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editor.count()).toBe(0);

    const script = roleScript({
      Lead: (_request, nth) =>
        text(nth === 0 ? '{"next": "Researcher", "instruction": "Get the forecast for Lyon."}' : '{"next": "FINISH"}'),
      Researcher: (request) =>
        toolResultsOf(request).length === 0
          ? toolCalls([{ id: 'call_0', name: 'weather__get_forecast', arguments: '{"city": "Lyon"}' }])
          : text('Sunny in Lyon.'),
    });
    s.llm.setFallback(script);
    try {
      const callsBefore = mcp.calls.length;
      await startTeam(s.panel, 'team-weather-desk', 'Forecast for Lyon');
      const consent = s.panel.getByTestId('agent-consent');
      await expect
        .poll(() => consent.getByTestId('consent-mcp').innerText())
        .toContain('Tool get_forecast of the MCP server Weather');
      await consent.getByRole('button', { name: 'Allow once' }).click();
      await expect.poll(() => teamRun(s.panel).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      expect(mcp.calls.slice(callsBefore)).toEqual([{ tool: 'get_forecast', arguments: { city: 'Lyon' } }]);
      const requests = s.llm.requests.filter((r) => r.path === '/v1/chat/completions');
      const offered = (request: RecordedRequest) =>
        ((request.body as { tools?: { function: { name: string } }[] }).tools ?? []).map((tool) => tool.function.name);
      const researcherRequests = requests.filter((request) => memberOf(request) === 'Researcher');
      expect(offered(researcherRequests[0] as RecordedRequest)).toContain('weather__get_forecast');
      const lead = requests.filter((request) => memberOf(request) === 'Lead').at(-1) as RecordedRequest;
      expect(offered(lead)).not.toContain('weather__get_forecast');
      const result = researcherRequests.flatMap(toolResultsOf).at(-1) ?? '';
      expect(result).toMatch(/^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="weather__get_forecast result"/);
      // The dead server is said so in the team run too, and kept with the run: reopened later, it is still there.
      const gone = ['MCP server Gone: this run goes on without its tools.'];
      expect(await teamRun(s.panel).getByTestId('mcp-problem').allInnerTexts()).toEqual(gone);
      await s.panel.reload();
      const runs = s.panel.getByTestId('agent-runs').getByRole('button');
      await runs.filter({ hasText: 'Forecast for Lyon' }).click();
      await expect.poll(() => teamRun(s.panel).getByTestId('mcp-problem').allInnerTexts()).toEqual(gone);
      await expect.poll(() => teamRun(s.panel).locator('[data-error-code="mcp-unreachable"]').count()).toBe(1);
      await s.panel.getByRole('button', { name: /New run|新任务/ }).click();
      await runs.filter({ hasText: 'Weather in Lyon?' }).click();
      await expect.poll(() => panelRun().getByTestId('mcp-problem').allInnerTexts()).toEqual(gone);
    } finally {
      s.llm.setFallback(text('Hello from the test server.'));
      await s.panel.getByRole('button', { name: /New run|新任务/ }).click();
      await s.panel.getByTestId('team-picker').selectOption('');
    }
  });

  it('Off hides the tool from the agent; a call to it anyway is refused as unknown', async () => {
    await row('Weather').getByLabel('Policy for get_forecast').selectOption('off');
    await expect
      .poll(
        async () =>
          ((await readSetting(s.aside, 'mcpServers')) as { name: string; policies: object }[]).find(
            (x) => x.name === 'Weather',
          )?.policies,
      )
      .toEqual({ read_inbox: 'allow', get_forecast: 'off' });
    const callsBefore = mcp.calls.length;
    s.llm.enqueue(
      toolCalls([{ name: 'weather__get_forecast', arguments: JSON.stringify({ city: 'Oslo' }) }]),
      text('Could not.'),
    );
    await giveGoal(s.panel, 'Weather in Oslo?');
    await expect.poll(() => finalAnswer().innerText()).toContain('Could not');
    expect(toolNames()).not.toContain('weather__get_forecast');
    expect(toolNames()).toContain('weather__read_inbox');
    expect(toolResults(agentRequests(s.llm).at(-1)).at(-1)).toContain('Unknown tool "weather__get_forecast"');
    expect(mcp.calls.length).toBe(callsBefore);
  });

  it('attaches a server’s resource to a question: read when sent, wrapped with its name and server; a binary one says why', async () => {
    // Back to chat (the tests above leave Agent mode on).
    const agentOn = s.panel.getByRole('button', { name: /^(Agent|智能体)$/, pressed: true });
    if ((await agentOn.count()) > 0) await agentOn.click();
    await s.show(s.pages.fixtureUrl('trust-notice.html'));
    const picker = s.panel.getByTestId('mcp-resource-picker');
    // The enabled servers' resources, named by server (the dead one has none to offer).
    await expect
      .poll(() => picker.locator('option').allInnerTexts(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(["Today's notes · Weather", 'logo.png · Weather', "Today's notes · Legacy"]));
    await picker.selectOption({ label: "Today's notes · Weather" });
    await expect.poll(() => s.panel.getByTestId('mcp-attached').innerText()).toContain("Today's notes · Weather");
    s.llm.enqueue(text('Standup is at 10:00.'));
    await ask(s.panel, 'When is standup?');
    await expect.poll(() => s.panel.getByText('Standup is at 10:00.').count()).toBe(1);
    const sent = lastPrompt(s.llm);
    expect(sent).toContain("When is standup?\n\nI attached the resource «Today's notes» of the MCP server «Weather»");
    const nonce = /<<<UNTRUSTED_CONTENT_([0-9a-f]{16}) kind="mcp resource" title="Weather · Today's notes"/.exec(
      sent,
    )?.[1];
    expect(nonce).toBeDefined();
    expect(sent).toContain(`${resourceText}\nUNTRUSTED_CONTENT_${nonce}>>>`);
    // The system prompt names the same nonce: the model is told the resource is data.
    expect(lastChatBody(s.llm).messages?.[0]?.content).toContain(`UNTRUSTED_CONTENT_${nonce}>>>`);
    // Sent once: the next question goes without it.
    expect(await s.panel.getByTestId('mcp-attached').count()).toBe(0);

    const requestsBefore = s.llm.requests.length;
    await picker.selectOption({ label: 'logo.png · Weather' });
    await ask(s.panel, 'What is in the logo?');
    const error = s.panel.locator('[data-error-code="mcp-content"]');
    await expect.poll(() => error.innerText()).toContain('«logo.png» of the MCP server Weather is image/png, not text');
    // Nothing went to the model, and the question is still in the box.
    expect(s.llm.requests.length).toBe(requestsBefore);
    expect(await s.panel.getByRole('textbox').last().inputValue()).toBe('What is in the logo?');
    await s.panel.getByRole('button', { name: 'Remove the attached resource' }).click();
    await s.panel.getByRole('textbox').last().fill('');
  });

  it('runs a server’s prompt as an action: its argument asked in a form, its text sent wrapped; an image prompt says why', async () => {
    const prompts = s.panel.getByTestId('mcp-prompt');
    await prompts.filter({ hasText: 'Weather · Summarize a topic' }).click();
    const form = s.panel.getByTestId('mcp-prompt-form');
    await form.getByLabel(/topic/).fill('MCP');
    s.llm.enqueue(text('- Servers\n- Tools\n- Prompts'));
    await form.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => s.panel.getByText('Weather · Summarize a topic (topic: MCP)').count()).toBe(1);
    await expect.poll(() => s.panel.getByText('Prompts', { exact: true }).count()).toBe(1);
    const sent = lastPrompt(s.llm);
    expect(sent).toContain('I chose to run the prompt «summarize_topic» of the MCP server «Weather».');
    expect(sent).toMatch(
      /<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="mcp prompt" title="Weather · summarize_topic"\nSummarize MCP in three bullet points\.\nUNTRUSTED_CONTENT_[0-9a-f]{16}>>>/,
    );
    // It went with the page, which is wrapped too: the server's text is no more trusted than the page.
    expect(JSON.stringify(lastChatBody(s.llm).messages)).toContain('Harbour Bank will never ask for your password');

    const requestsBefore = s.llm.requests.length;
    await prompts.filter({ hasText: 'Weather · describe_logo' }).click();
    await expect
      .poll(() => s.panel.locator('[data-error-code="mcp-content"]').innerText())
      .toContain('«describe_logo» of the MCP server Weather is image');
    expect(s.llm.requests.length).toBe(requestsBefore);
  });
});
