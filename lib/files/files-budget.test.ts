import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../capture/token-budget';
import { cutFilesToBudget } from './files-budget';
import type { LocalFile } from './local-file';

const file = (name: string, markdown: string, extra: Partial<LocalFile> = {}): LocalFile => ({
  name,
  format: 'markdown',
  markdown,
  lang: null,
  cut: false,
  ...extra,
});
const paragraphs = (word: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${word} paragraph ${i} with a few more words.`).join('\n\n');

describe('files cut to the page budget', () => {
  it('sends small files whole', () => {
    const [a, b] = cutFilesToBudget([file('a.md', 'Alpha notes.'), file('b.md', 'Beta notes.')], 1000);
    expect(a).toMatchObject({ name: 'a.md', text: 'Alpha notes.', truncated: false });
    expect(b).toMatchObject({ text: 'Beta notes.', truncated: false });
  });

  it('gives what a small file leaves to the larger ones, and keeps the total within the budget', () => {
    const small = file('small.md', 'Short.');
    const big1 = file('big1.md', paragraphs('alpha', 400));
    const big2 = file('big2.md', paragraphs('beta', 400));
    const cut = cutFilesToBudget([big1, small, big2], 2000);
    expect(cut.map((f) => f.name)).toEqual(['big1.md', 'small.md', 'big2.md']);
    expect(cut[1]).toMatchObject({ text: 'Short.', truncated: false });
    const total = cut.reduce((sum, f) => sum + f.tokens, 0);
    expect(total).toBeLessThanOrEqual(2000);
    // Each large file gets about half of what the small one left.
    for (const big of [cut[0], cut[2]]) {
      expect(big?.truncated).toBe(true);
      expect(big?.tokens).toBeGreaterThan(800);
      expect(big?.text).toMatch(/\[… page cut: showing about \d+ of \d+ tokens\]$/);
    }
    expect(cut[0]?.totalTokens).toBe(estimateTokens(big1.markdown));
  });

  it('marks a file cut when reading it had already stopped early, and keeps its pages', () => {
    const [pdf] = cutFilesToBudget(
      [file('r.pdf', 'Page text.', { format: 'pdf', cut: true, pages: 300, pagesRead: 200 })],
      1000,
    );
    expect(pdf).toMatchObject({ truncated: true, pages: 300, pagesRead: 200, format: 'pdf' });
  });
});
