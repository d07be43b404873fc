import { beforeEach, describe, expect, it } from 'vitest';
import { capturedPage } from '../../tests/support/captured-page';
import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import { savePageRecord } from '../library/save-page';
import { contentTerms } from '../library/search-terms';
import { chunkMarkdown } from './chunk';
import { closeRagIndexes, openLexicalIndex } from './index-cache';
import { indexChunks, indexPages } from './vector-index';

const capture = (n: number, words: string): CapturedPage =>
  capturedPage({
    url: `https://example.com/${n}`,
    title: `Page ${n}`,
    markdown: `# Page ${n}\n\n${words} opened in 1932.\n\n## More\n\nAbout ${n} vehicles a day cross the ${words}.`,
  });

async function rows() {
  const chunks = await db().ragChunks.orderBy('id').toArray();
  const lexical = await db().ragLexical.orderBy('pageId').toArray();
  return { chunks, lexical };
}

describe('indexPages', () => {
  beforeEach(async () => {
    closeRagIndexes();
    await db().delete({ disableAutoOpen: false });
  });

  it('writes the same rows as indexChunks page by page, and updates the loaded index', async () => {
    const pages = [];
    for (const [n, words] of [
      [1, 'bridge'],
      [2, 'tunnel'],
      [3, 'ferry'],
    ] as const)
      pages.push((await savePageRecord(capture(n, words))).page);
    for (const page of pages) await indexChunks(page.id, chunkMarkdown(page.markdown));
    const oneByOne = await rows();
    await db().ragChunks.clear();
    await db().ragLexical.clear();

    closeRagIndexes();
    const index = await openLexicalIndex();
    await indexPages(pages.map((page) => ({ pageId: page.id, chunks: chunkMarkdown(page.markdown) })));
    expect(await rows()).toEqual(oneByOne);
    expect(oneByOne.lexical).toHaveLength(3);
    expect(new Set(index.search(contentTerms('tunnel'), 5).map((hit) => hit.pageId))).toEqual(new Set([pages[1]?.id]));
  });

  it('with onlyStoredPages, skips a page no longer in the library and writes the others', async () => {
    const kept = (await savePageRecord(capture(1, 'bridge'))).page;
    const gone = (await savePageRecord(capture(2, 'tunnel'))).page;
    await db().pages.delete(gone.id);
    await indexPages(
      [kept, gone].map((page) => ({ pageId: page.id, chunks: chunkMarkdown(page.markdown) })),
      { onlyStoredPages: true },
    );
    expect((await db().ragLexical.toCollection().primaryKeys()).map(String)).toEqual([kept.id]);
    expect(await db().ragChunks.where('pageId').equals(gone.id).count()).toBe(0);
  });
});
