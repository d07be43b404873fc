/**
 * What a team costs: the "Research my library" preset on a scripted run in
 * the real extension, against a solo agent answering the same question from
 * the same library (the baseline, measured in the same run).
 * - callsPerAgent / tokensPerAgent: model requests and prompt+completion
 *   tokens per member, as the run records them (the test server reports
 *   prompt tokens as its estimate of the request's size, ~4 characters a token).
 * - tokenRatioToSolo: the team's tokens over the solo agent's.
 * Scripted flow: Lead → Planner → Researcher (search_library) → Writer →
 * Critic (REVISE) → Writer → Critic (APPROVED) → FINISH.
 */
import type { Page } from 'playwright-core';
import { presetTeams } from '../lib/agent/teams/presets';
import type { TeamEvent } from '../lib/agent/teams/team-stream-protocol';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { startSession } from '../tests/e2e/support/session';
import { text, toolCalls } from '../tests/support/openai-server';
import { roleScript, toolResultsOf } from '../tests/support/team-script';
import { report, round } from './stats';

const objective = 'How can Emscripten emit standalone WebAssembly files, and what do they need at runtime?';

const script = () =>
  roleScript({
    Lead: (_request, nth) =>
      text(
        [
          '{"next": "Planner", "instruction": "Split the question."}',
          '{"next": "Researcher", "instruction": "Search the library for standalone Wasm."}',
          '{"next": "Writer", "instruction": "Draft the answer with citations."}',
          '{"next": "Critic", "instruction": "Check the draft against the research."}',
          '{"next": "Critic", "instruction": "Check the revision."}',
        ][nth] ?? '{"next": "FINISH"}',
      ),
    Planner: () => text('1. What does standalone mode emit? 2. What runtime does such a file need?'),
    Researcher: (request) =>
      toolResultsOf(request).length === 0
        ? toolCalls([{ id: 'call_0', name: 'search_library', arguments: '{"query": "Emscripten standalone Wasm"}' }])
        : text(`The V8 blog says: ${toolResultsOf(request)[0]?.replace(/\s+/g, ' ').slice(0, 600)}`),
    Writer: (_request, nth) =>
      text(
        nth === 0
          ? 'Emscripten can emit a standalone .wasm file that does not depend on its JS runtime.'
          : 'Emscripten’s standalone mode emits a .wasm file without the JS glue; it runs in any WASI-style runtime (V8 blog, “Outside the web: standalone WebAssembly binaries using Emscripten”).',
      ),
    Critic: (_request, nth) => text(nth === 0 ? 'REVISE: cite the page by title.' : 'APPROVED'),
  });

/** Runs a stream through a Port from the side panel page, as the panel would, and returns its events. */
function runStream(panel: Page, name: 'team' | 'agent', start: unknown): Promise<TeamEvent[]> {
  return panel.evaluate(
    ([portName, startMessage]) =>
      new Promise<TeamEvent[]>((resolve) => {
        const events: TeamEvent[] = [];
        const { chrome } = globalThis as unknown as ExtensionGlobal;
        const port = chrome.runtime.connect({ name: portName });
        port.onMessage.addListener((event: TeamEvent) => {
          events.push(event);
          if (event.type === 'final' || event.type === 'error' || event.type === 'stopped') resolve(events);
        });
        port.postMessage({ start: startMessage });
      }),
    [`aside:${name}`, start] as const,
  );
}

async function main() {
  const s = await startSession({ unaudited: true });
  try {
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    for (const name of ['v8-blog', 'qq', 'wikipedia']) {
      await s.show(s.pages.corpusUrl(name));
      await s.panel.getByRole('button', { name: 'Save this page' }).click();
      await s.panel.locator('[data-testid="save-outcome"][data-outcome="saved"]').waitFor();
    }
    const team = presetTeams.find((each) => each.id === 'preset-research-library');
    if (!team) throw new Error('preset missing');
    const scripted = script();
    s.llm.setFallback(scripted);
    const teamEvents = await runStream(s.panel, 'team', { kind: 'start', team, objective, tabId: null });
    const final = teamEvents.at(-1);
    if (final?.type !== 'final') throw new Error(`team run ended with ${JSON.stringify(final)}`);
    const state = teamEvents.findLast((event) => event.type === 'state');
    if (state?.type !== 'state') throw new Error('no state event');

    s.llm.setFallback((request) =>
      toolResultsOf(request).length === 0
        ? toolCalls([{ id: 'call_0', name: 'search_library', arguments: '{"query": "Emscripten standalone Wasm"}' }])
        : text('Emscripten’s standalone mode emits a .wasm file without the JS glue (V8 blog).'),
    );
    const before = s.llm.requests.length;
    const soloEvents = (await runStream(s.panel, 'agent', {
      kind: 'start',
      goal: objective,
      tabId: null,
    })) as unknown as {
      type: string;
      promptTokens?: number;
      completionTokens?: number;
    }[];
    const soloUsage = soloEvents.findLast((event) => event.type === 'usage');
    const soloTokens = (soloUsage?.promptTokens ?? 0) + (soloUsage?.completionTokens ?? 0);
    const soloCalls = s.llm.requests.slice(before).filter((r) => r.path === '/v1/chat/completions').length;

    const perAgent = Object.fromEntries(
      team.agents.map((agent) => {
        const usage = state.usage[agent.id] ?? { calls: 0, promptTokens: 0, completionTokens: 0 };
        return [
          agent.name,
          { calls: usage.calls, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens },
        ];
      }),
    );
    const calls = Object.values(perAgent).reduce((sum, usage) => sum + usage.calls, 0);
    const tokens = Object.values(perAgent).reduce((sum, usage) => sum + usage.promptTokens + usage.completionTokens, 0);
    console.log('speakers:', scripted.speakers.join(' → '));
    console.table(perAgent);
    report(
      'team',
      {
        teamCalls: calls,
        teamTokens: tokens,
        soloCalls,
        soloTokens,
        tokenRatioToSolo: round(tokens / soloTokens),
        ...Object.fromEntries(
          Object.entries(perAgent).flatMap(([name, usage]) => [
            [`calls${name}`, usage.calls],
            [`tokens${name}`, usage.promptTokens + usage.completionTokens],
          ]),
        ),
      },
      { objective, speakers: scripted.speakers, perAgent, final: final.text },
    );
  } finally {
    await s.close();
  }
}

await main();
