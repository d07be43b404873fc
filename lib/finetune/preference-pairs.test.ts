import { describe, expect, it } from 'vitest';
import type { ConversationRecord, MessageRecord } from '../db/records';
import { buildExport, pairLines } from './export-data';
import { dpoLineSchema, plainPairLineSchema } from './finetune-schemas';
import { agentRunWithTools, teamRun } from './fixtures.test-support';
import { toJsonl } from './jsonl';
import { chatPairs, runPairs } from './preference-pairs';
import { agentToolDefinitions } from './tool-definitions';

const conversations: ConversationRecord[] = [
  { id: 'c', title: 'c', createdAt: 1, updatedAt: 10 },
  { id: 'd', title: 'd', createdAt: 1, updatedAt: 10 },
];
const base = { status: 'complete' as const, createdAt: 1 };
const chats: Record<string, MessageRecord[]> = {
  c: [
    { ...base, id: 'q1', conversationId: 'c', role: 'user', content: 'Capital of Australia?' },
    { ...base, id: 'a1', conversationId: 'c', role: 'assistant', content: 'Sydney', edited: 'Canberra', model: 'm1' },
    { ...base, id: 'q2', conversationId: 'c', role: 'user', content: 'And of Canada?' },
    {
      ...base,
      id: 'a2',
      conversationId: 'c',
      role: 'assistant',
      content: 'Ottawa',
      version: 2,
      rating: 'up',
      model: 'm2',
      otherVersions: [{ version: 1, content: 'Toronto', status: 'complete', model: 'm2' }],
    },
  ],
  d: [
    { ...base, id: 'q3', conversationId: 'd', role: 'user', content: 'A colour?' },
    {
      ...base,
      id: 'a3',
      conversationId: 'd',
      role: 'assistant',
      content: 'Green',
      version: 3,
      model: 'm1',
      otherVersions: [
        { version: 1, content: 'Blue', status: 'complete', rating: 'down', model: 'm1' },
        // A failed attempt is never compared.
        { version: 2, content: 'Re', status: 'error', model: 'm1' },
      ],
    },
  ],
};
const of = (id: string) => chats[id] ?? [];
const summary = (pairs: ReturnType<typeof chatPairs>) =>
  pairs.map((pair) => `${pair.messages.at(-1)?.content} ${pair.chosen}>${pair.rejected} (${pair.source})`);

describe('preference pairs', () => {
  it('pairs rewrites over originals and preferred versions over the others, each with its conversation', () => {
    expect(summary(chatPairs(conversations, of, { rating: 'rated' }))).toEqual([
      'Capital of Australia? Canberra>Sydney (edit)',
      'And of Canada? Ottawa>Toronto (versions)',
      'A colour? Green>Blue (versions)',
    ]);
    const [, canada] = chatPairs(conversations, of, { rating: 'rated' });
    // The conversation goes on from the user's rewrite.
    expect(canada?.messages.map((m) => m.content)).toEqual([
      'You are Aside, an assistant in the browser side panel.',
      'Capital of Australia?',
      'Canberra',
      'And of Canada?',
    ]);
  });

  it('with 👍 only, the chosen answer must be rated 👍; model and date filters apply', () => {
    expect(summary(chatPairs(conversations, of, { rating: 'up' }))).toEqual([
      'And of Canada? Ottawa>Toronto (versions)',
    ]);
    expect(summary(chatPairs(conversations, of, { rating: 'rated', model: 'm1' }))).toEqual([
      'Capital of Australia? Canberra>Sydney (edit)',
      'A colour? Green>Blue (versions)',
    ]);
    expect(chatPairs(conversations, of, { rating: 'rated', since: 11 })).toEqual([]);
  });

  it('pairs a run’s rewritten final answer over the original, with the run’s tool calls in the prompt', () => {
    const runs = [
      agentRunWithTools({ editedFinal: 'Mozilla builds Firefox; Wikipedia is a wiki.' }),
      teamRun({ editedFinal: 'Safety and speed.' }),
    ];
    const pairs = runPairs(runs, { rating: 'rated' }, agentToolDefinitions);
    expect(pairs.map((pair) => [pair.chosen, pair.rejected])).toEqual([
      ['Mozilla builds Firefox; Wikipedia is a wiki.', 'Mozilla versus Wikipedia.'],
      ['Safety and speed.', 'They praise its safety.'],
    ]);
    expect(pairs[0]?.messages.at(-1)?.role).toBe('tool');
    expect(pairs[0]?.tools?.map((tool) => tool.function.name)).toEqual(['list_tabs', 'read_tab']);
    // The team run is unrated: with 👍 only it does not count; the agent run is rated 👍.
    expect(runPairs(runs, { rating: 'up' }, agentToolDefinitions)).toHaveLength(1);
  });

  it('writes both file formats, every line valid', () => {
    const result = buildExport(
      { conversations, messagesOf: of, runs: [agentRunWithTools({ editedFinal: 'Better.' })] },
      { rating: 'rated' },
    );
    expect(result.pairs).toHaveLength(4);
    expect(result.skipped).toBe(0);
    const plain = toJsonl(pairLines(result.pairs, 'plain')).trimEnd().split('\n');
    const dpo = toJsonl(pairLines(result.pairs, 'dpo')).trimEnd().split('\n');
    for (const row of plain) plainPairLineSchema.parse(JSON.parse(row));
    for (const row of dpo) dpoLineSchema.parse(JSON.parse(row));
    expect(JSON.parse(plain[0] ?? '')).toEqual({
      prompt: [
        { role: 'system', content: 'You are Aside, an assistant in the browser side panel.' },
        { role: 'user', content: 'Capital of Australia?' },
      ],
      chosen: [{ role: 'assistant', content: 'Canberra' }],
      rejected: [{ role: 'assistant', content: 'Sydney' }],
    });
    expect(JSON.parse(dpo.at(-1) ?? '')).toMatchObject({
      input: { tools: [{ type: 'function' }, { type: 'function' }] },
      preferred_output: [{ role: 'assistant', content: 'Better.' }],
      non_preferred_output: [{ role: 'assistant', content: 'Mozilla versus Wikipedia.' }],
    });
    // SFT: the 👍 Canada answer (plus its rewritten predecessor's conversation), the rewrite, the agent run.
    expect(result.sft.map((line) => line.messages.at(-1)?.content)).toEqual(['Canberra', 'Ottawa', 'Better.']);
  });
});
