import { describe, expect, it } from 'vitest';
import { runSftLines } from './agent-run-lines';
import { sftLineSchema } from './finetune-schemas';
import { agentRunWithTools, teamRun } from './fixtures.test-support';
import { toJsonl } from './jsonl';
import { agentToolDefinitions } from './tool-definitions';

describe('agent and team run SFT lines', () => {
  it('turns a 👍 agent run into one line with its tools, calls and results, paired by id', () => {
    const { lines, skipped } = runSftLines([agentRunWithTools()], { rating: 'up' }, agentToolDefinitions);
    expect(skipped).toBe(0);
    const [line] = toJsonl(lines)
      .trimEnd()
      .split('\n')
      .map((row) => sftLineSchema.parse(JSON.parse(row)));
    expect(line?.tools?.map((tool) => tool.function.name)).toEqual(['list_tabs', 'read_tab']);
    expect(line?.tools?.[1]?.function.parameters).toMatchObject({ type: 'object', properties: { tabId: {} } });
    expect(line?.messages.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
      'tool',
      'assistant',
    ]);
    expect(line?.messages[0]?.content).toContain('Today is 2026-11-29.');
    const calls = line?.messages.flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []) : []));
    const answered = line?.messages.flatMap((m) => (m.role === 'tool' ? [m.tool_call_id] : []));
    expect(calls?.map((call) => call.id)).toEqual(answered);
    // An empty or null content next to tool calls is left out, not sent as "".
    expect(line?.messages[2]).not.toHaveProperty('content');
    expect(line?.messages.at(-1)).toEqual({ role: 'assistant', content: 'Mozilla versus Wikipedia.' });
  });

  it('uses the rewritten final answer, and counts a rewrite as good only with all ratings', () => {
    const edited = agentRunWithTools({
      rating: undefined,
      editedFinal: 'Mozilla builds a browser; Wikipedia is a wiki.',
    });
    expect(runSftLines([edited], { rating: 'up' }, agentToolDefinitions).lines).toHaveLength(0);
    const { lines } = runSftLines([edited], { rating: 'rated' }, agentToolDefinitions);
    expect(lines[0]?.messages.at(-1)?.content).toBe('Mozilla builds a browser; Wikipedia is a wiki.');
    expect(lines[0]?.messages.filter((m) => m.role === 'assistant')).toHaveLength(3);
  });

  it('turns a team run into objective → final answer, and leaves out unfinished, 👎 and filtered runs', () => {
    const runs = [
      teamRun({ rating: 'up' }),
      agentRunWithTools({ id: 'cut', status: 'stopped' }),
      agentRunWithTools({ id: 'bad', rating: 'down' }),
      agentRunWithTools({ id: 'old', updatedAt: 5 }),
    ];
    const { lines } = runSftLines(runs, { rating: 'rated', since: 100 }, agentToolDefinitions);
    expect(lines).toEqual([
      {
        messages: [
          { role: 'user', content: 'What do my saved pages say about Rust?' },
          { role: 'assistant', content: 'They praise its safety.' },
        ],
      },
    ]);
    expect(runSftLines(runs, { rating: 'rated', model: 'other' }, agentToolDefinitions).lines).toHaveLength(0);
    // A run cut by the step limit has no real answer unless the user wrote one.
    const cut = agentRunWithTools({ stopReason: 'step-limit', final: 'Partial.\n\n_(Stopped at the step limit.)_' });
    expect(runSftLines([cut], { rating: 'up' }, agentToolDefinitions).lines).toHaveLength(0);
    const written = runSftLines([{ ...cut, editedFinal: 'The full answer.' }], { rating: 'up' }, agentToolDefinitions);
    expect(written.lines[0]?.messages.at(-1)?.content).toBe('The full answer.');
  });

  it('skips a run whose stored transcript breaks the pairing, instead of exporting a bad line', () => {
    const run = agentRunWithTools();
    const broken = agentRunWithTools({
      transcript: run.transcript.filter((m) => !(m.role === 'tool' && m.tool_call_id === 'read-b')),
    });
    const result = runSftLines([broken], { rating: 'up' }, agentToolDefinitions);
    expect(result).toEqual({ lines: [], skipped: 1 });
  });
});
