import { describe, expect, it } from 'vitest';
import type { ConversationRecord, MessageRecord } from '../db/records';
import { fineTuneLineSchema, fineTuneLines, toJsonl } from './chat-jsonl';

const conversation = (id: string, updatedAt = 10): ConversationRecord => ({ id, title: id, createdAt: 1, updatedAt });
let clock = 0;
const message = (
  conversationId: string,
  role: MessageRecord['role'],
  content: string,
  extra: Partial<MessageRecord> = {},
): MessageRecord => ({
  id: `m${++clock}`,
  conversationId,
  role,
  content,
  status: 'complete',
  createdAt: clock,
  ...extra,
});

describe('fine-tuning data', () => {
  const chats: Record<string, MessageRecord[]> = {
    good: [
      message('good', 'user', 'Translate', { prompt: 'Translate into English: 你好' }),
      message('good', 'assistant', 'Hello', { rating: 'up', model: 'm1' }),
      message('good', 'user', 'And politely?'),
      message('good', 'assistant', 'Good day to you', { rating: 'up', model: 'm2' }),
    ],
    bad: [message('bad', 'user', 'Q'), message('bad', 'assistant', 'Wrong', { rating: 'down', model: 'm1' })],
    mixed: [
      message('mixed', 'user', 'Q1'),
      message('mixed', 'assistant', 'A1 wrong', { rating: 'down' }),
      message('mixed', 'user', 'Q2'),
      message('mixed', 'assistant', 'A2', { rating: 'up' }),
    ],
    unrated: [message('unrated', 'user', 'Q'), message('unrated', 'assistant', 'A')],
  };
  const all = Object.keys(chats).map((id) => conversation(id, id === 'good' ? 100 : 10));
  const of = (id: string) => chats[id] ?? [];

  it('makes one example per 👍 answer, with the conversation up to it, questions as sent', () => {
    const lines = fineTuneLines(all, of);
    expect(lines.map((line) => line.messages.map((m) => `${m.role}:${m.content}`))).toEqual([
      [
        'system:You are Aside, an assistant in the browser side panel.',
        'user:Translate into English: 你好',
        'assistant:Hello',
      ],
      [
        'system:You are Aside, an assistant in the browser side panel.',
        'user:Translate into English: 你好',
        'assistant:Hello',
        'user:And politely?',
        'assistant:Good day to you',
      ],
    ]);
  });

  it('filters by date and model', () => {
    expect(fineTuneLines(all, of, { since: 50 })).toHaveLength(2);
    expect(fineTuneLines(all, of, { since: 200 })).toHaveLength(0);
    expect(fineTuneLines(all, of, { model: 'm2' }).map((l) => l.messages.at(-1)?.content)).toEqual(['Good day to you']);
  });

  it('writes JSONL whose every line parses and has valid roles in order', () => {
    const text = toJsonl(fineTuneLines(all, of));
    const rows = text.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(fineTuneLineSchema.safeParse(JSON.parse(row)).success).toBe(true);
    expect(fineTuneLineSchema.safeParse({ messages: [{ role: 'user', content: 'only a question' }] }).success).toBe(
      false,
    );
    expect(
      fineTuneLineSchema.safeParse({
        messages: [
          { role: 'assistant', content: 'a' },
          { role: 'user', content: 'b' },
        ],
      }).success,
    ).toBe(false);
  });
});
