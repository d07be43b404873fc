import { describe, expect, it } from 'vitest';
import type { AgentStepRecord } from '../../../lib/agent/run-records';
import { presetTeams } from '../../../lib/agent/teams/presets';
import type { TeamTurn } from '../../../lib/agent/teams/team-run-state';
import type { LiveTurn } from './team-run-reducer';
import { buildTranscript } from './transcript';

const turn = (id: string, agentId: string, kind: TeamTurn['kind'], text: string, round = 1): TeamTurn => ({
  id,
  agentId,
  kind,
  text,
  round,
  createdAt: 0,
});
const live = (turnId: string, agentId: string, text: string, ended = false): LiveTurn => ({
  turnId,
  agentId,
  round: 1,
  text,
  ended,
});
const step = (id: string, turnId: string | undefined, index: number, createdAt = 0): AgentStepRecord => ({
  id,
  runId: 'r',
  index,
  callId: id,
  ...(turnId ? { turnId } : {}),
  tool: 'search_library',
  arguments: '{}',
  status: 'ok',
  createdAt,
});

// "Research my library": Lead is the group chat's manager.
const team = presetTeams.find((preset) => preset.id === 'preset-research-library') ?? presetTeams[0];
if (!team) throw new Error('no preset');

describe('buildTranscript', () => {
  it('puts the objective first, then stored turns in order, interjections as the user', () => {
    const items = buildTranscript(
      {
        team,
        objective: 'Compare the pages',
        turns: [
          turn('t1', 'planner', 'message', 'Two questions.'),
          turn('t2', 'user', 'interjection', 'Focus on dates'),
          turn('t3', 'researcher', 'message', 'Found them.'),
        ],
      },
      [],
      [],
    );
    expect(items.map((item) => [item.kind, 'text' in item ? item.text : ''])).toEqual([
      ['objective', 'Compare the pages'],
      ['turn', 'Two questions.'],
      ['interjection', 'Focus on dates'],
      ['turn', 'Found them.'],
    ]);
  });

  it('uses the addressee a decision stored, and shows the manager deciding rather than its JSON', () => {
    const items = buildTranscript(
      { team, objective: 'o', turns: [{ ...turn('d1', 'lead', 'decision', 'Draft it'), to: 'writer' }] },
      [live('d2', 'lead', '{"next": "Cri')],
      [],
    );
    expect(items[1]).toMatchObject({ kind: 'decision', to: 'writer', text: 'Draft it', live: false });
    expect(items[2]).toEqual({ kind: 'decision', id: 'd2', agentId: 'lead', text: '', live: true });
  });

  it('names whom an older decision without addressee handed the word to', () => {
    const items = buildTranscript(
      {
        team,
        objective: 'o',
        turns: [turn('d1', 'lead', 'decision', 'research first'), turn('t1', 'researcher', 'message', 'ok')],
      },
      [live('d2', 'lead', '')],
      [],
    );
    expect(items[1]).toMatchObject({ kind: 'decision', agentId: 'lead', to: 'researcher', text: 'research first' });
    expect(items[3]).toMatchObject({ kind: 'decision', live: true });
    expect(items[3]).not.toHaveProperty('to');
    // The latest decision's speaker has not started yet: no addressee rather than a wrong one.
    const latest = buildTranscript(
      { team, objective: 'o', turns: [turn('d1', 'lead', 'decision', 'writer next')] },
      [],
      [],
    );
    expect(latest[1]).toMatchObject({ kind: 'decision' });
    expect(latest[1]).not.toHaveProperty('to');
  });

  it('shows a live turn until the run record holds it, never both', () => {
    const streaming = buildTranscript({ team, objective: 'o', turns: [] }, [live('t1', 'writer', 'Dra', true)], []);
    expect(streaming.at(-1)).toMatchObject({ kind: 'turn', id: 't1', text: 'Dra', live: true });
    const stored = buildTranscript(
      { team, objective: 'o', turns: [turn('t1', 'writer', 'message', 'Draft.')] },
      [live('t1', 'writer', 'Dra', true), live('t2', 'critic', 'Hm')],
      [],
    );
    expect(stored.map((item) => [item.id, 'live' in item ? item.live : null])).toEqual([
      ['objective', null],
      ['t1', false],
      ['t2', true],
    ]);
  });

  it('puts each tool step under the turn that made it', () => {
    const items = buildTranscript(
      { team, objective: 'o', turns: [turn('t1', 'researcher', 'message', 'done')] },
      [live('t2', 'critic', '')],
      [step('s1', 't1', 0), step('s2', 't2', 1), step('s3', 't1', 2), step('solo', undefined, 3)],
    );
    const steps = (id: string) => {
      const item = items.find((candidate) => candidate.id === id);
      return item?.kind === 'turn' ? item.steps.map((s) => s.id) : null;
    };
    expect(steps('t1')).toEqual(['s1', 's3']);
    expect(steps('t2')).toEqual(['s2']);
  });

  it('keeps the steps of a turn cut by a restart, in their place in time', () => {
    const items = buildTranscript(
      {
        team,
        objective: 'o',
        turns: [
          { ...turn('t1', 'lead', 'decision', 'Plan'), to: 'planner', createdAt: 10 },
          { ...turn('t3', 'planner', 'message', 'Plan: two steps.'), createdAt: 30 },
        ],
      },
      [live('t4', 'lead', '')],
      [step('s1', 't2', 0, 20), step('s2', 't4', 1, 40)],
    );
    expect(items.map((item) => [item.kind, item.id])).toEqual([
      ['objective', 'objective'],
      ['decision', 't1'],
      ['cut', 't2'],
      ['turn', 't3'],
      ['decision', 't4'],
    ]);
    expect(items[2]).toMatchObject({ steps: [{ id: 's1' }] });
  });

  it('keeps a task list turn’s kind and task', () => {
    const items = buildTranscript(
      {
        team,
        objective: 'o',
        turns: [
          { ...turn('t1', 'executor', 'message', 'Did it'), taskId: 'k1' },
          turn('t2', 'creator', 'tasks', '1. a'),
        ],
      },
      [],
      [],
    );
    expect(items[1]).toMatchObject({ turnKind: 'message', taskId: 'k1' });
    expect(items[2]).toMatchObject({ turnKind: 'tasks' });
  });

  it('marks a creator’s or prioritizer’s streaming reply as a list, so its JSON is never shown as text', () => {
    const planTask = presetTeams.find((preset) => preset.id === 'preset-plan-task');
    if (!planTask) throw new Error('no preset');
    const items = buildTranscript(
      { team: planTask, objective: 'o', turns: [] },
      [live('c', 'creator', '["Find'), live('p', 'prioritizer', '[2,'), live('e', 'executor', 'Doing')],
      [],
    );
    expect(items.slice(1).map((item) => (item.kind === 'turn' ? item.turnKind : item.kind))).toEqual([
      'tasks',
      'tasks',
      'message',
    ]);
  });
});
