import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AsideError } from '../messaging/errors';
import { parsePromptedReply, rejectsTools, toPromptedMessages } from './prompted-protocol';
import { tool } from './tool';

const echo = tool({
  name: 'echo',
  description: 'Echoes text.',
  input: z.object({ text: z.string() }),
  risk: 'read',
  run: async ({ text }) => text,
});

describe('the prompted tool protocol', () => {
  it('reads tool calls from bare JSON, a fenced block after text, and a single-call shape', () => {
    expect(parsePromptedReply('{"tool_calls":[{"name":"echo","arguments":{"text":"a"}}]}', 3)).toEqual({
      text: '',
      toolCalls: [{ id: 'call_3_0', name: 'echo', arguments: '{"text":"a"}' }],
    });
    const fenced = parsePromptedReply('Let me check.\n```json\n{"name": "echo", "arguments": {"text": "b"},}\n```', 4);
    expect(fenced.text).toBe('Let me check.');
    expect(fenced.toolCalls).toEqual([{ id: 'call_4_0', name: 'echo', arguments: '{"text":"b"}' }]);
  });

  it('treats plain text as the answer, and hands broken JSON on for the parser to report', () => {
    expect(parsePromptedReply('The answer is {not json}.', 1)).toEqual({
      text: 'The answer is {not json}.',
      toolCalls: [],
    });
    const broken = parsePromptedReply('{"tool_calls": [{"name": "echo", "arguments": {"text": ', 2);
    expect(broken.toolCalls[0]?.name).toBe('echo');
  });

  it('rewrites native calls and results as text turns, with the tools described in the system prompt', () => {
    const messages = toPromptedMessages(
      [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'goal' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'echo', arguments: '{"text":"x"}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'x' },
      ],
      [echo],
    );
    expect(messages[0]?.content).toContain('- echo: Echoes text.');
    expect(messages[2]).toEqual({
      role: 'assistant',
      content: '{"tool_calls":[{"name":"echo","arguments":{"text":"x"}}]}',
    });
    expect(messages[3]).toEqual({ role: 'user', content: 'Tool result (echo, c1):\nx' });
  });

  it('recognizes a 400 about tools, not other 400s', () => {
    const about = (detail: string) =>
      new AsideError('bad-request', 'The provider rejected the request.', { status: 400, detail });
    expect(rejectsTools(about('"tools" is not supported by this model'))).toBe(true);
    expect(rejectsTools(about('messages: too long'))).toBe(false);
    expect(rejectsTools(new AsideError('server', 'tools broke', { status: 500 }))).toBe(false);
  });
});
