import { describe, expect, it } from 'vitest';
import type { TeamEvent } from '../../../lib/agent/teams/team-stream-protocol';
import { lostRun, withoutPrompt } from '../live-run';
import { type LiveTeamRun, reduceTeamEvent, startingRun } from './team-run-reducer';

const fold = (events: TeamEvent[], from: LiveTeamRun = startingRun) => events.reduce(reduceTeamEvent, from);
const usage = { calls: 1, promptTokens: 100, completionTokens: 20 };

describe('reduceTeamEvent', () => {
  it('streams the text of each turn by its id, several at once as in a debate round', () => {
    const run = fold([
      { type: 'started', runId: 'r1' },
      { type: 'turn', turnId: 'a', agentId: 'debater-1', round: 0 },
      { type: 'turn', turnId: 'b', agentId: 'debater-2', round: 0 },
      { type: 'delta', turnId: 'a', text: 'Paris ' },
      { type: 'delta', turnId: 'b', text: 'Lyon' },
      { type: 'delta', turnId: 'a', text: 'is the capital.' },
    ]);
    expect(run.runId).toBe('r1');
    expect(run.running).toBe(true);
    expect(run.turns.map((turn) => [turn.agentId, turn.text, turn.ended])).toEqual([
      ['debater-1', 'Paris is the capital.', false],
      ['debater-2', 'Lyon', false],
    ]);
  });

  it('drops the thinking-aloud text at a tool call and keeps what follows the result', () => {
    const run = fold([
      { type: 'turn', turnId: 'a', agentId: 'researcher', round: 1 },
      { type: 'delta', turnId: 'a', text: 'Let me search.' },
      { type: 'tool-call', turnId: 'a', callId: 'c1', name: 'search_library', arguments: '{}' },
      { type: 'tool-result', turnId: 'a', callId: 'c1', status: 'ok', preview: '…', durationMs: 3 },
      { type: 'delta', turnId: 'a', text: 'Found two pages.' },
      { type: 'turn-end', turnId: 'a', agentId: 'researcher' },
    ]);
    expect(run.turns).toEqual([
      { turnId: 'a', agentId: 'researcher', round: 1, text: 'Found two pages.', ended: true },
    ]);
  });

  it('ignores text for a turn it never saw start', () => {
    const run = fold([{ type: 'delta', turnId: 'ghost', text: 'boo' }]);
    expect(run.turns).toEqual([]);
  });

  it('keeps the latest state: round, tasks, usage', () => {
    const tasks = [{ id: 't1', text: 'Find sources', status: 'pending' as const }];
    const run = fold([
      { type: 'state', round: 1, tasks: [], usage: {} },
      { type: 'state', round: 2, tasks, usage: { creator: usage } },
    ]);
    expect(run.state).toEqual({ round: 2, tasks, usage: { creator: usage } });
  });

  it('collects prompts, drops an answered one, and clears them when the run ends', () => {
    const asked = fold([
      { type: 'ask', promptId: 'p1', question: 'Budget?', choices: [] },
      {
        type: 'consent',
        promptId: 'p2',
        tool: 'open_url',
        arguments: '{}',
        target: 'https://example.com/',
        site: 'example.com',
      },
    ]);
    expect(asked.prompts.map((prompt) => prompt.promptId)).toEqual(['p1', 'p2']);
    expect(withoutPrompt(asked, 'p1').prompts.map((prompt) => prompt.promptId)).toEqual(['p2']);
    const ended = reduceTeamEvent(asked, { type: 'final', text: 'Done.', reason: 'judge' });
    expect(ended).toMatchObject({ running: false, prompts: [], final: 'Done.' });
  });

  it('ends on stopped and on error, keeping the error', () => {
    expect(fold([{ type: 'stopped' }]).running).toBe(false);
    const error = { name: 'AsideError', code: 'internal', message: 'boom' } as const;
    const failed = fold([{ type: 'error', error, partial: true }]);
    expect(failed).toMatchObject({ running: false, error });
  });

  it('marks a run lost when the stream closes early', () => {
    const run = lostRun(fold([{ type: 'ask', promptId: 'p1', question: '?', choices: [] }]));
    expect(run).toMatchObject({ running: false, lost: true, prompts: [] });
  });

  it('restarts a turn cleanly if the engine announces the same id again (resume)', () => {
    const run = fold([
      { type: 'turn', turnId: 'a', agentId: 'writer', round: 1 },
      { type: 'delta', turnId: 'a', text: 'half' },
      { type: 'turn', turnId: 'a', agentId: 'writer', round: 1 },
    ]);
    expect(run.turns).toEqual([{ turnId: 'a', agentId: 'writer', round: 1, text: '', ended: false }]);
  });
});
