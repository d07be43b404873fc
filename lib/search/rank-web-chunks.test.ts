import { describe, expect, it } from 'vitest';
import { rankWebChunks } from './rank-web-chunks';

const pages = [
  { markdown: '# Ferries\n\nA chain ferry carried carts across the estuary before any bridge existed.' },
  { markdown: '# Opening\n\nThe Loxley Bridge opened on 14 May 1932 after four years of construction.' },
  { markdown: '# Paint\n\nThe bridge is repainted every seven years in its original grey.' },
];

describe('rankWebChunks', () => {
  it('puts the passage that answers the question first (keywords alone, no embedder)', async () => {
    const ranked = await rankWebChunks('When did the Loxley Bridge open?', pages, 2, null);
    expect(ranked[0]).toMatchObject({ page: 1, headingPath: ['Opening'] });
    expect(ranked[0]?.text).toContain('14 May 1932');
    expect(ranked).toHaveLength(2);
  });

  it('still gives each page’s opening when no word of the question matches', async () => {
    const ranked = await rankWebChunks('什么时候', pages, 5, null);
    expect(ranked.map((chunk) => chunk.page)).toEqual([0, 1, 2]);
  });

  it('has nothing to rank for pages without text', async () => {
    expect(await rankWebChunks('bridge', [{ markdown: '' }], 5, null)).toEqual([]);
  });
});
