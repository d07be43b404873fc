import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { text, toolCalls } from '../support/openai-server';
import { briefOf, memberOf, roleScript, toolResultsOf } from '../support/team-script';
import { enableAgentMode } from './support/agent';
import { openExtensionPage, openSidePanel } from './support/extension';
import { stopServiceWorker } from './support/service-worker';
import { type Session, startSession } from './support/session';
import { answerAsk, startTeam, teamRun, turnsInView } from './support/team';

/**
 * Team runs in the side panel, end to end: the real extension, the user
 * picking a preset and typing the objective, a scripted model answering per
 * member (it knows the member from its system prompt), and the panel showing
 * who spoke, in what order, with what tools.
 */
describe('team runs', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    // One saved page for the researchers to find.
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    await s.show(s.pages.corpusUrl('v8-blog'));
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await s.panel.locator('[data-testid="save-outcome"][data-outcome="saved"]').waitFor();
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await enableAgentMode(s.panel);
  });
  afterEach(() => s.llm.setFallback(text('Hello from the test server.')));
  afterAll(() => s?.close());

  const run = () => teamRun(s.panel);
  const status = () => run().getAttribute('data-status');
  const chatRequests = () => s.llm.requests.filter((r) => r.path === '/v1/chat/completions');

  it('Research my library: the lead gives the floor in turn, the researcher’s search reaches the library', async () => {
    const script = roleScript({
      Lead: (_request, nth) =>
        text(
          [
            '{"next": "Researcher", "instruction": "Search the library for standalone Wasm."}',
            '{"next": "Writer", "instruction": "Answer from the research."}',
            '{"next": "Critic", "instruction": "Check the draft."}',
          ][nth] ?? '{"next": "FINISH"}',
        ),
      Researcher: (request) =>
        toolResultsOf(request).length === 0
          ? toolCalls([{ id: 'call_0', name: 'search_library', arguments: '{"query": "Emscripten standalone"}' }])
          : text('The V8 blog explains standalone Wasm.'),
      Writer: () => text('**Standalone Wasm**: Emscripten emits a .wasm file without JS glue (V8 blog).'),
      Critic: () => text('APPROVED'),
    });
    s.llm.setFallback(script);
    await startTeam(s.panel, 'preset-research-library', 'How does Emscripten emit standalone Wasm?');
    await expect.poll(status, { timeout: 30_000 }).toBe('done');

    expect(script.speakers).toEqual(['Lead', 'Researcher', 'Researcher', 'Lead', 'Writer', 'Lead', 'Critic', 'Lead']);
    await expect.poll(() => turnsInView(s.panel)).toEqual(['researcher', 'writer', 'critic']);
    const decisions = run().getByTestId('team-decision');
    expect(await decisions.evaluateAll((lines) => lines.map((line) => line.getAttribute('data-to')))).toEqual([
      'researcher',
      'writer',
      'critic',
      null,
    ]);
    expect(await decisions.first().innerText()).toBe('Lead → Researcher: Search the library for standalone Wasm.');
    expect(await run().getByTestId('team-objective').innerText()).toBe('How does Emscripten emit standalone Wasm?');

    // The search ran under the researcher's turn and its result (the saved page) reached the model.
    const step = run().locator('[data-testid="team-turn"][data-agent-id="researcher"] [data-testid="agent-step"]');
    expect(await step.getAttribute('data-tool')).toBe('search_library');
    expect(await step.getAttribute('data-status')).toBe('ok');
    const withResult = chatRequests().filter((request) => toolResultsOf(request).length > 0);
    expect(withResult.map((request) => memberOf(request))).toEqual(['Researcher']);
    const result = withResult.flatMap((request) => toolResultsOf(request)).at(-1) ?? '';
    expect(result).toMatch(/^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="search_library result"/);
    expect(result).toContain(s.pages.corpusUrl('v8-blog'));

    const final = run().getByTestId('team-final');
    expect(await final.locator('strong').innerText()).toBe('Standalone Wasm');
    // Token use per member: the researcher made two calls (search, then answer), the lead four.
    const chip = (id: string) => run().locator(`[data-testid="team-usage"] [data-agent-id="${id}"]`);
    expect(await chip('researcher').getAttribute('data-calls')).toBe('2');
    expect(await chip('lead').getAttribute('data-calls')).toBe('4');
    expect(Number(await chip('writer').getAttribute('data-tokens'))).toBeGreaterThan(0);
    // Members are told apart by colour.
    const colours = await run()
      .getByTestId('team-turn')
      .evaluateAll((turns) => turns.map((turn) => getComputedStyle(turn).borderLeftColor));
    expect(new Set(colours).size).toBe(3);

    // The whole run copies as Markdown: objective, decisions, turns, answer.
    // (Read back by pasting it into the objective box, as a user would paste it elsewhere.)
    await run().getByTestId('team-copy').click();
    // The clipboard write is asynchronous: the button says "Copied" once it is done.
    await expect.poll(() => run().getByTestId('team-copy').innerText()).toBe('Copied');
    const box = s.panel.getByPlaceholder('Give the team an objective…');
    await box.focus();
    await s.panel.keyboard.press('Control+V');
    const copied = await box.inputValue();
    await box.fill('');
    expect(copied).toContain('# Research my library');
    expect(copied).toContain('**Objective:** How does Emscripten emit standalone Wasm?');
    expect(copied).toContain('_Lead → Researcher: Search the library for standalone Wasm._');
    expect(copied).toContain('## Researcher\n\nThe V8 blog explains standalone Wasm.');
    expect(copied).toMatch(/## Answer\n\n\*\*Standalone Wasm\*\*/);
  });

  it('Debate an answer: everyone answers, revises twice, and the judge reads every final answer', async () => {
    const debater = (letter: string) => (_request: unknown, nth: number) =>
      text(`Debater ${letter} says answer-${letter}-${nth}.`);
    const script = roleScript({
      'Debater A': debater('A'),
      'Debater B': debater('B'),
      'Debater C': debater('C'),
      Judge: () => text('The answer is 42.\n\nWhere they disagreed: nowhere.'),
    });
    s.llm.setFallback(script);
    await startTeam(s.panel, 'preset-debate', 'What is six times seven?');
    await expect.poll(status, { timeout: 30_000 }).toBe('done');

    // Three rounds (independent answers, two revisions) of three debaters, then the judge.
    expect(script.speakers.slice(0, 9).sort()).toEqual(
      ['Debater A', 'Debater B', 'Debater C'].flatMap((name) => [name, name, name]).sort(),
    );
    expect(script.speakers.at(-1)).toBe('Judge');
    const rounds = await run()
      .getByTestId('team-turn')
      .evaluateAll((turns) => turns.map((turn) => `${turn.getAttribute('data-round')}`));
    expect(rounds).toEqual(['0', '0', '0', '1', '1', '1', '2', '2', '2', '2']);
    await expect.poll(async () => (await turnsInView(s.panel)).at(-1)).toBe('judge');
    expect(await run().getByTestId('team-round').innerText()).toBe('Round 2 of 2');

    const judge = chatRequests().at(-1);
    const brief = judge ? briefOf(judge) : '';
    for (const letter of ['A', 'B', 'C']) {
      expect(brief).toContain(`answer-${letter}-2`);
      expect(brief).not.toContain(`answer-${letter}-0`);
    }
    expect(await run().getByTestId('team-final').innerText()).toContain('The answer is 42.');

    // The run list shows the team run under the team's name, and opens it as a team run.
    await s.panel.getByRole('button', { name: 'New run' }).click();
    const listed = s.panel.getByTestId('agent-runs').getByRole('button').first();
    await expect.poll(() => listed.getByTestId('run-team').innerText()).toBe('Team · Debate an answer');
    await listed.click();
    await expect.poll(() => run().getAttribute('data-status')).toBe('done');
    await expect.poll(() => turnsInView(s.panel)).toHaveLength(10);
  });

  it('Brainstorm by role-play: client and idea generator alternate until the client says TASK_DONE', async () => {
    const script = roleScript({
      Client: (_request, nth) => text(nth === 0 ? 'Give me three ideas for a picnic.' : 'TASK_DONE Three good ideas.'),
      'Idea generator': () => text('1. Lakeside\n2. Rooftop\n3. Forest clearing'),
    });
    s.llm.setFallback(script);
    await startTeam(s.panel, 'preset-brainstorm', 'Ideas for a picnic');
    await expect.poll(status, { timeout: 30_000 }).toBe('done');
    expect(script.speakers).toEqual(['Client', 'Idea generator', 'Client']);
    await expect.poll(() => turnsInView(s.panel)).toEqual(['client', 'ideas', 'client']);
    expect(await run().getByTestId('team-final').innerText()).toContain('Rooftop');
  });

  it('Plan a task: the user edits the live task list and the executor does the edited task', async () => {
    const script = roleScript({
      'Task creator': (_request, nth) => text(nth === 0 ? '["Find sources", "Write summary", "Check facts"]' : '[]'),
      Prioritizer: () => text('[1, 2, 3]'),
      Executor: (request, nth) => {
        const task = briefOf(request).match(/## Your task\n(.+)/)?.[1];
        if (nth === 0) return toolCalls([{ id: 'ask_0', name: 'ask_user', arguments: '{"question":"Go ahead?"}' }]);
        return text(task ? `Did: ${task}` : 'All tasks done.');
      },
    });
    s.llm.setFallback(script);
    await startTeam(s.panel, 'preset-plan-task', 'Summarize standalone Wasm');
    // While the executor waits for the user, the pending list is editable.
    const ask = s.panel.getByTestId('agent-ask');
    await expect.poll(() => ask.innerText()).toContain('Go ahead?');
    // The card says which member asks.
    expect(await ask.innerText()).toContain('Executor asks:');
    const tasks = run().getByTestId('team-task');
    await expect
      .poll(() => tasks.evaluateAll((items) => items.map((item) => item.getAttribute('data-status'))))
      .toEqual(['pending', 'pending', 'pending']);
    const second = tasks.nth(1).getByTestId('team-task-text');
    await second.fill('Write a short summary');
    await second.press('Enter');
    await tasks.nth(2).getByRole('button', { name: 'Delete task' }).click();
    await expect.poll(() => tasks.count()).toBe(2);
    await answerAsk(s.panel, 'Yes');
    await expect.poll(status, { timeout: 30_000 }).toBe('done');

    expect(script.speakers).toEqual([
      'Task creator',
      'Prioritizer',
      'Executor',
      'Executor',
      'Task creator',
      'Executor',
      'Task creator',
      'Executor',
    ]);
    const executorTasks = chatRequests()
      .map((request) => briefOf(request).match(/## Your task\n(.+)/)?.[1])
      .filter(Boolean);
    expect([...new Set(executorTasks)]).toEqual(['Find sources', 'Write a short summary']);
    expect(await tasks.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).toEqual([
      'done',
      'done',
    ]);
    expect(await tasks.nth(1).innerText()).toContain('Write a short summary');
    expect(await run().getByTestId('team-final').innerText()).toContain('All tasks done.');
  });

  it('a user interjection typed in the box reaches the next speaker and shows in the transcript', async () => {
    const script = roleScript({
      Lead: (request, nth) =>
        text(
          nth === 0
            ? '{"next": "Planner", "instruction": "Split the question."}'
            : briefOf(request).includes('Only the 2020 release')
              ? '{"next": "FINISH"}'
              : '{"next": "Planner", "instruction": "Again."}',
        ),
      Planner: (request) =>
        toolResultsOf(request).length === 0
          ? toolCalls([{ id: 'ask_0', name: 'ask_user', arguments: '{"question":"Which release?"}' }])
          : text('Plan: look at one release.'),
    });
    s.llm.setFallback(script);
    await startTeam(s.panel, 'preset-research-library', 'What changed in the release?');
    const ask = s.panel.getByTestId('agent-ask');
    await expect.poll(() => ask.innerText()).toContain('Which release?');
    const box = run().getByTestId('team-interject-input');
    await box.fill('Only the 2020 release, please.');
    await box.press('Enter');
    await expect.poll(() => run().getByTestId('team-interject-note').innerText()).toContain('next member');
    await answerAsk(s.panel, '2020');
    await expect.poll(status, { timeout: 30_000 }).toBe('done');

    expect(script.speakers).toEqual(['Lead', 'Planner', 'Planner', 'Lead']);
    const lead = chatRequests().at(-1);
    expect(lead ? briefOf(lead) : '').toContain('### The user stepped in\nOnly the 2020 release, please.');
    const interjection = run().getByTestId('team-interjection');
    expect(await interjection.innerText()).toBe('Only the 2020 release, please.');
    // It sits after the planner's turn it interrupted, before the lead's decision that read it.
    const order = await run()
      .getByTestId('team-transcript')
      .locator(':scope > *')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
    expect(order).toEqual(['team-objective', 'team-decision', 'team-turn', 'team-interjection', 'team-decision']);
  });

  it('a team made in the options page runs from the panel, each member on its own model', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    const preset = options.getByTestId('team-row').filter({ hasText: 'Brainstorm by role-play' });
    await preset.getByRole('button', { name: 'Duplicate to edit' }).click();
    const editor = options.getByTestId('team-editor');
    await editor.getByLabel('Team name').fill('Cheap ideas');
    await editor.getByTestId('team-agent').nth(1).getByLabel('Model').fill('cheap-model');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByTestId('user-teams').getByText('Cheap ideas').waitFor();
    await options.close();

    const script = roleScript({
      Client: (_request, nth) => text(nth === 0 ? 'Give three ideas.' : 'TASK_DONE'),
      'Idea generator': () => text('Ideas: kites, lanterns, boats.'),
    });
    s.llm.setFallback(script);
    const before = chatRequests().length;
    // The picker lists the new team at once (it watches the stored teams).
    const picker = s.panel.getByTestId('team-picker');
    await expect.poll(() => picker.locator('option', { hasText: 'Cheap ideas' }).count()).toBe(1);
    const value = await picker.locator('option', { hasText: 'Cheap ideas' }).getAttribute('value');
    await startTeam(s.panel, value ?? '', 'Ideas for a summer fair');
    await expect.poll(status, { timeout: 30_000 }).toBe('done');
    const models = chatRequests()
      .slice(before)
      .map((request) => [memberOf(request), (request.body as { model?: string }).model]);
    expect(models).toEqual([
      ['Client', 'test-model'],
      ['Idea generator', 'cheap-model'],
      ['Client', 'test-model'],
    ]);
    expect(await run().getByTestId('team-name').innerText()).toBe('Cheap ideas');
  });

  it('Stop mid-run ends the run cleanly: stopped, and no request after it', async () => {
    const script = roleScript({
      Client: () => text('Give me ideas.'),
      // A slow member: its words arrive one chunk at a time.
      'Idea generator': () => text('Idea one is a lakeside picnic with many details. '.repeat(40), { delayMs: 100 }),
    });
    s.llm.setFallback(script);
    await startTeam(s.panel, 'preset-brainstorm', 'Ideas for a party');
    const streaming = run().locator('[data-testid="team-turn"][data-agent-id="ideas"][data-live="true"]');
    await expect.poll(() => streaming.innerText()).toContain('Idea one');
    await run().getByTestId('team-stop').click();
    await expect.poll(status).toBe('stopped');
    const sent = chatRequests().length;
    await expect.poll(() => run().getByTestId('team-stopped').isVisible()).toBe(true);
    await expect.poll(() => run().getByTestId('team-stop').count()).toBe(0);
    await expect.poll(() => s.panel.getByTestId('team-interject').count()).toBe(0);
    // The stopped run stays stopped, and the model hears nothing more from it.
    await s.panel.waitForTimeout(1_000);
    expect(chatRequests().length).toBe(sent);
    expect(script.speakers).toEqual(['Client', 'Idea generator']);
    expect(await status()).toBe('stopped');
  });

  // Last: it closes the session's panel and goes on in a new one.
  it('a team run cut by a worker restart shows as interrupted, reopens from the list and resumes', async () => {
    const script = roleScript({
      Lead: (request) =>
        text(
          briefOf(request).includes('Plan: ask twice')
            ? '{"next": "FINISH"}'
            : '{"next": "Planner", "instruction": "Plan."}',
        ),
      Planner: (_request, nth) =>
        nth === 0
          ? toolCalls([{ id: 'ask_0', name: 'ask_user', arguments: '{"question":"Which year?"}' }])
          : text('Plan: ask twice.'),
    });
    s.llm.setFallback(script);
    await startTeam(s.panel, 'preset-research-library', 'A team cut by a restart');
    await expect.poll(() => s.panel.getByTestId('agent-ask').innerText()).toContain('Which year?');
    await stopServiceWorker(s.aside);
    await expect.poll(() => run().getByTestId('team-interrupted').isVisible()).toBe(true);

    await s.panel.close();
    const panel = await openSidePanel(s.aside);
    const runs = panel.getByTestId('agent-runs');
    await expect
      .poll(() => runs.innerText())
      .toMatch(/Team · Research my library A team cut by a restart · interrupted/);
    await runs.getByRole('button', { name: /A team cut by a restart/ }).click();
    const reopened = teamRun(panel);
    // The planner's turn never finished: its question stays as a step cut short.
    const cut = reopened.getByTestId('team-cut-turn');
    expect(await cut.getByTestId('agent-step').getAttribute('data-tool')).toBe('ask_user');
    await expect.poll(() => cut.getByTestId('agent-step').getAttribute('data-status')).toBe('interrupted');
    await reopened.getByTestId('team-resume').click();
    await expect.poll(() => reopened.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    // The lead's decision stood: the planner got the floor again, then the lead finished.
    expect(script.speakers).toEqual(['Lead', 'Planner', 'Planner', 'Lead']);
    await expect.poll(() => turnsInView(panel)).toEqual(['planner']);
    expect(await reopened.getByTestId('team-final').innerText()).toContain('Plan: ask twice.');
  });

  it('a team run goes on after its panel closes, and a new panel shows it and can stop it', async () => {
    const first = await openSidePanel(s.aside);
    // Agent mode and the picked team are remembered by the panel.
    const finishing = roleScript({
      Client: (_request, nth) => text(nth === 0 ? 'Three ideas, please.' : 'TASK_DONE'),
      'Idea generator': () => text('Kites, lanterns and boats. '.repeat(20), { chunkSize: 8, delayMs: 30 }),
    });
    s.llm.setFallback(finishing);
    await startTeam(first, 'preset-brainstorm', 'Ideas for a fair, in the background');
    await expect.poll(() => finishing.speakers.length).toBe(2);
    await first.close();
    // The idea generator finishes and the client is asked again with nobody watching.
    await expect.poll(() => finishing.speakers, { timeout: 30_000 }).toEqual(['Client', 'Idea generator', 'Client']);
    const second = await openSidePanel(s.aside);
    const runs = second.getByTestId('agent-runs');
    await expect
      .poll(() => runs.innerText(), { timeout: 30_000 })
      .toMatch(/Ideas for a fair, in the background · done/);
    await runs.getByRole('button', { name: /Ideas for a fair, in the background/ }).click();
    expect(await teamRun(second).getByTestId('team-final').innerText()).toContain('Kites, lanterns and boats.');

    // A run left going can be stopped from a panel that did not start it.
    const endless = roleScript({
      Client: () => text('More ideas.'),
      'Idea generator': () => text('Another idea. '.repeat(30), { chunkSize: 6, delayMs: 40 }),
    });
    s.llm.setFallback(endless);
    await startTeam(second, 'preset-brainstorm', 'Endless ideas');
    await expect.poll(() => endless.speakers.length).toBe(2);
    await second.close();
    const third = await openSidePanel(s.aside);
    const list = third.getByTestId('agent-runs');
    await expect.poll(() => list.innerText()).toMatch(/Endless ideas · running/);
    await list.getByRole('button', { name: /Endless ideas/ }).click();
    const note = third.getByTestId('run-in-background');
    await note.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => teamRun(third).getAttribute('data-status')).toBe('stopped');
    const sent = chatRequests().length;
    await third.waitForTimeout(1_000);
    expect(chatRequests().length).toBe(sent);
    expect(await note.count()).toBe(0);
  });
});
