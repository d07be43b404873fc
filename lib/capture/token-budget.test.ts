import { describe, expect, it } from 'vitest';
import { cutToTokenBudget, estimateTokens } from './token-budget';

describe('estimateTokens', () => {
  it('counts CJK characters one each and other text by four characters', () => {
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('你好 abcd')).toBe(2 + 2);
    expect(estimateTokens('')).toBe(0);
  });
});

describe('cutToTokenBudget', () => {
  it('leaves text within budget unchanged', () => {
    const cut = cutToTokenBudget('short text', 100);
    expect(cut).toEqual({ text: 'short text', tokens: 3, totalTokens: 3, truncated: false });
  });

  it('cuts at a paragraph boundary and says where', () => {
    const paragraphs = Array.from({ length: 100 }, (_, i) => `Paragraph ${i} has some words in it.`);
    const cut = cutToTokenBudget(paragraphs.join('\n\n'), 100);
    expect(cut.truncated).toBe(true);
    expect(cut.tokens).toBeLessThanOrEqual(100);
    expect(cut.tokens).toBeGreaterThan(80);
    expect(cut.totalTokens).toBe(estimateTokens(paragraphs.join('\n\n')));
    const body = cut.text.split('\n\n[… page cut')[0] ?? '';
    expect(body.endsWith('in it.')).toBe(true);
    expect(cut.text).toMatch(/\[… page cut: showing about \d+ of \d+ tokens\]$/);
  });

  it('cuts Chinese text by characters', () => {
    const cut = cutToTokenBudget('中文内容'.repeat(100), 50);
    expect(cut.truncated).toBe(true);
    expect(cut.tokens).toBe(50);
  });
});
