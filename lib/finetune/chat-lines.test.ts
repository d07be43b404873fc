import { describe, expect, it } from 'vitest';
import type { ConversationRecord, MessageRecord } from '../db/records';
import { chatSftLines } from './chat-lines';
import type { ExportFilter } from './export-filter';
import { sftLineSchema } from './finetune-schemas';
import { toJsonl } from './jsonl';

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
const up: ExportFilter = { rating: 'up' };
const rated: ExportFilter = { rating: 'rated' };

describe('chat SFT lines', () => {
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
    edited: [
      message('edited', 'user', 'Capital of Australia?'),
      message('edited', 'assistant', 'Sydney', { edited: 'Canberra', model: 'm1' }),
    ],
    versions: [
      message('versions', 'user', 'Name a colour'),
      message('versions', 'assistant', 'Blue', {
        version: 2,
        rating: 'down',
        otherVersions: [{ version: 1, content: 'Red', status: 'complete', rating: 'up', model: 'm1' }],
      }),
    ],
  };
  const all = Object.keys(chats).map((id) => conversation(id, id === 'good' ? 100 : 10));
  const of = (id: string) => chats[id] ?? [];
  const shown = (lines: ReturnType<typeof chatSftLines>['lines']) =>
    lines.map((line) => line.messages.map((m) => `${m.role}:${m.content}`));

  it('makes one example per 👍 answer, with the conversation up to it, questions as sent', () => {
    const { lines, skipped } = chatSftLines(all, of, up);
    expect(skipped).toBe(0);
    expect(shown(lines)).toEqual([
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
      // A regenerated answer's 👍 version is an example even though a 👎 one is shown.
      ['system:You are Aside, an assistant in the browser side panel.', 'user:Name a colour', 'assistant:Red'],
    ]);
  });

  it('with all ratings, an answer the user rewrote is an example, with the rewrite', () => {
    const { lines } = chatSftLines(all, of, rated);
    expect(lines.map((line) => line.messages.at(-1)?.content)).toEqual(['Hello', 'Good day to you', 'Canberra', 'Red']);
  });

  it('filters by date and model', () => {
    expect(chatSftLines(all, of, { ...up, since: 50 }).lines).toHaveLength(2);
    expect(chatSftLines(all, of, { ...up, since: 200 }).lines).toHaveLength(0);
    expect(chatSftLines(all, of, { ...up, model: 'm2' }).lines.map((l) => l.messages.at(-1)?.content)).toEqual([
      'Good day to you',
    ]);
  });

  it('gives a rated in-page card exchange the actions’ instruction, with the untrusted-content rule', () => {
    const card: ConversationRecord = { ...conversation('card'), origin: 'action' };
    const messages = [
      message('card', 'user', '**Translate**', { prompt: 'Translate: <<<UNTRUSTED_CONTENT\nhi\nUNTRUSTED_CONTENT>>>' }),
      message('card', 'assistant', '嗨', { rating: 'up' }),
    ];
    const [line] = chatSftLines([card], () => messages, up).lines;
    expect(line?.messages[0]?.content).toMatch(/^You are Aside, an assistant working on text the user selected/);
    // The rule and the stored prompt's block carry the same nonce.
    const close =
      String(line?.messages[0]?.content).match(/UNTRUSTED_CONTENT_[0-9a-f]{16}>>>/)?.[0] ?? 'no marker in the rule';
    expect(line?.messages[1]?.content).toMatch(/^Translate: <<<UNTRUSTED_CONTENT_[0-9a-f]{16}\nhi\n/);
    expect(String(line?.messages[1]?.content).endsWith(`\nhi\n${close}`)).toBe(true);
  });

  it('writes JSONL whose every line parses and has valid roles in order', () => {
    const text = toJsonl(chatSftLines(all, of, rated).lines);
    const rows = text.trimEnd().split('\n');
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(sftLineSchema.safeParse(JSON.parse(row)).success).toBe(true);
  });
});
