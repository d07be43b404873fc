import { describe, expect, it } from 'vitest';
import { buildLibraryPrompt } from './library-prompt';
import { newUntrustedNonce, untrustedMarkers } from './untrusted';

const nonce = newUntrustedNonce();
const { open, close } = untrustedMarkers(nonce);

describe('library prompt', () => {
  const excerpts = [
    {
      n: 1,
      title: 'Lisbon',
      url: 'https://a.example/lisbon',
      headingPath: ['Climate'],
      text: 'Rain peaks in November.',
    },
    { n: 2, title: '北京', url: 'https://b.example/beijing', headingPath: [], text: '北京的冬天很冷。' },
  ];

  it('numbers each excerpt, wraps it as untrusted data, and asks for citations', () => {
    const messages = buildLibraryPrompt({
      turns: [{ role: 'user', content: 'When does it rain?' }],
      excerpts,
      now: new Date('2026-11-29T00:00:00Z'),
      nonce,
    });
    expect(messages).toHaveLength(2);
    const system = String(messages[0]?.content);
    expect(system).toContain('[1]');
    expect(system).toContain('do not guess');
    const question = String(messages[1]?.content);
    expect(question).toContain(`[1] ${open} kind="saved page excerpt" title="Lisbon › Climate"`);
    expect(question).toContain(`[2] ${open}`);
    expect(question.split(close)).toHaveLength(3);
    expect(system).toContain(close);
    expect(question).toContain('北京的冬天很冷。');
    expect(question.endsWith('Question: When does it rain?')).toBe(true);
  });

  it('keeps earlier turns as they were and puts excerpts on the latest question only', () => {
    const messages = buildLibraryPrompt({
      turns: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'answer [1]' },
        { role: 'user', content: 'second' },
      ],
      excerpts,
      nonce,
    });
    expect(messages.map((message) => message.content)).toEqual([
      expect.any(String),
      'first',
      'answer [1]',
      expect.stringContaining('Question: second'),
    ]);
  });
});
