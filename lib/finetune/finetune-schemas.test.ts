import { describe, expect, it } from 'vitest';
import { dpoLineSchema, plainPairLineSchema, sftLineSchema } from './finetune-schemas';

const tools = [
  { type: 'function', function: { name: 'read_tab', parameters: { type: 'object' } } },
  { type: 'function', function: { name: 'list_tabs', parameters: { type: 'object' } } },
];
const call = (id: string, name = 'read_tab', args = '{"tabId":1}') => ({
  id,
  type: 'function',
  function: { name, arguments: args },
});
const withCalls = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Compare my tabs' },
  { role: 'assistant', tool_calls: [call('a', 'list_tabs', '{}')] },
  { role: 'tool', tool_call_id: 'a', content: 'tab 1, tab 2' },
  { role: 'assistant', content: 'Reading both.', tool_calls: [call('b'), call('c')] },
  { role: 'tool', tool_call_id: 'c', content: 'page two' },
  { role: 'tool', tool_call_id: 'b', content: 'page one' },
  { role: 'assistant', content: 'They differ.' },
];
const problem = (line: unknown) => {
  const result = sftLineSchema.safeParse(line);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid');
};

describe('SFT line validation', () => {
  it('accepts a conversation whose tool calls are each answered before the next turn', () => {
    expect(problem({ messages: withCalls, tools })).toBeNull();
  });

  it('rejects broken tool-call pairing', () => {
    const replace = (index: number, message: unknown) => withCalls.map((m, i) => (i === index ? message : m));
    // A call never answered: the assistant speaks again.
    expect(problem({ messages: withCalls.toSpliced(5, 1), tools })).toMatch(/not answered/);
    // A result answering an id nobody called.
    expect(problem({ messages: replace(3, { role: 'tool', tool_call_id: 'z', content: 'x' }), tools })).toMatch(
      /without its call/,
    );
    // The same call answered twice.
    expect(problem({ messages: replace(6, { role: 'tool', tool_call_id: 'c', content: 'x' }), tools })).toMatch(
      /without its call/,
    );
    // The user speaks while calls are open.
    expect(problem({ messages: replace(5, { role: 'user', content: 'hurry' }), tools })).toMatch(/not answered/);
    // A tool result right after the user.
    expect(
      problem({
        messages: [
          { role: 'user', content: 'q' },
          { role: 'tool', tool_call_id: 'a', content: 'x' },
          { role: 'assistant', content: 'a' },
        ],
      }),
    ).toMatch(/without its call/);
    // Calls as the last message, a tool missing from `tools`, arguments that are not JSON.
    expect(problem({ messages: withCalls.slice(0, 3), tools })).toMatch(/not answered/);
    expect(problem({ messages: withCalls, tools: tools.slice(1) })).toMatch(/read_tab is not in tools/);
    expect(problem({ messages: withCalls })).toMatch(/not in tools/);
    expect(
      problem({ messages: replace(2, { role: 'assistant', tool_calls: [call('a', 'list_tabs', '{oops')] }), tools }),
    ).toMatch(/JSON object/);
  });

  it('rejects wrong roles and order', () => {
    expect(problem({ messages: [{ role: 'user', content: 'only a question' }] })).not.toBeNull();
    expect(
      problem({
        messages: [
          { role: 'assistant', content: 'a' },
          { role: 'user', content: 'b' },
        ],
      }),
    ).toMatch(/expected the user/);
    expect(
      problem({
        messages: [
          { role: 'user', content: 'a' },
          { role: 'user', content: 'b' },
          { role: 'assistant', content: 'c' },
        ],
      }),
    ).toMatch(/expected the assistant/);
    expect(
      problem({
        messages: [
          { role: 'user', content: 'a' },
          { role: 'system', content: 'late' },
          { role: 'assistant', content: 'c' },
        ],
      }),
    ).toMatch(/system message after the start/);
    expect(
      problem({
        messages: [
          { role: 'user', content: 'a' },
          { role: 'assistant', content: 'c', extra: 1 },
        ],
      }),
    ).not.toBeNull();
    expect(problem({ messages: [{ role: 'developer', content: 'x' }, ...withCalls.slice(1)], tools })).not.toBeNull();
  });

  it('validates both preference forms: prompt ends with the user or answered tools, two different answers', () => {
    const answer = (content: string) => [{ role: 'assistant', content }];
    const prompt = [{ role: 'user', content: 'Capital of Australia?' }];
    expect(
      plainPairLineSchema.safeParse({ prompt, chosen: answer('Canberra'), rejected: answer('Sydney') }).success,
    ).toBe(true);
    expect(plainPairLineSchema.safeParse({ prompt, chosen: answer('Same'), rejected: answer('Same') }).success).toBe(
      false,
    );
    expect(
      plainPairLineSchema.safeParse({
        prompt: [...prompt, { role: 'assistant', content: 'x' }],
        chosen: answer('a'),
        rejected: answer('b'),
      }).success,
    ).toBe(false);
    const input = { messages: withCalls.slice(0, -1), tools };
    expect(
      dpoLineSchema.safeParse({ input, preferred_output: answer('a'), non_preferred_output: answer('b') }).success,
    ).toBe(true);
    expect(
      dpoLineSchema.safeParse({
        input: { messages: withCalls.slice(0, -2), tools },
        preferred_output: answer('a'),
        non_preferred_output: answer('b'),
      }).success,
    ).toBe(false);
  });
});
