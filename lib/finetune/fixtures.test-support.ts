import type { AgentRunRecord } from '../agent/run-records';
import { presetTeams } from '../agent/teams/presets';

/** An agent run that listed tabs, read two in parallel and answered: the shape run-agent.ts stores. */
export function agentRunWithTools(changes: Partial<AgentRunRecord> = {}): AgentRunRecord {
  return {
    id: 'run-tools',
    goal: 'Compare my two open articles',
    status: 'done',
    profileId: 'p',
    model: 'gpt-test',
    tabId: 1,
    transcript: [
      { role: 'user', content: 'Compare my two open articles' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call-1', type: 'function', function: { name: 'list_tabs', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'call-1', content: 'id 1 — Mozilla; id 2 — Wikipedia' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'read-a', type: 'function', function: { name: 'read_tab', arguments: '{"tabId": 1}' } },
          { id: 'read-b', type: 'function', function: { name: 'read_tab', arguments: '{"tabId": 2}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'read-a', content: 'Mozilla makes Firefox.' },
      { role: 'tool', tool_call_id: 'read-b', content: 'Wikipedia is an encyclopedia.' },
      { role: 'assistant', content: 'Mozilla versus Wikipedia.' },
    ],
    steps: 3,
    final: 'Mozilla versus Wikipedia.',
    stopReason: 'done',
    usage: { promptTokens: 10, completionTokens: 5 },
    rating: 'up',
    createdAt: Date.UTC(2026, 10, 29),
    updatedAt: Date.UTC(2026, 10, 29),
    ...changes,
  };
}

/** A finished team run (a preset team's snapshot). */
export function teamRun(changes: Partial<AgentRunRecord> = {}): AgentRunRecord {
  const team = presetTeams[0];
  if (!team) throw new Error('no preset team');
  return {
    ...agentRunWithTools(),
    id: 'run-team',
    goal: 'What do my saved pages say about Rust?',
    transcript: [],
    final: 'They praise its safety.',
    rating: undefined,
    team: { team, objective: 'What do my saved pages say about Rust?', turns: [], tasks: [], round: 2, usage: {} },
    ...changes,
  };
}
