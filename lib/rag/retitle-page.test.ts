import { beforeEach, describe, expect, it } from 'vitest';
import { capturedPage } from '../../tests/support/captured-page';
import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import { savePageRecord } from '../library/save-page';
import { contentTerms } from '../library/search-terms';
import { chunkMarkdown } from './chunk';
import { closeRagIndexes, openLexicalIndex } from './index-cache';
import { indexChunks } from './vector-index';

const markdown =
  '# Old name\n\nThe crossing opened in 1932 and carries eight lanes.\n\n## Traffic\n\nAbout 160,000 vehicles a day.';
const capture = (title: string): CapturedPage =>
  capturedPage({
    url: 'https://example.com/harbour',
    title,
    markdown,
  });

/** Page ids the loaded keyword index finds for a question. */
async function found(question: string): Promise<string[]> {
  return (await openLexicalIndex()).search(contentTerms(question), 10).map((hit) => hit.pageId);
}

describe('a new title over the same text', () => {
  beforeEach(async () => {
    closeRagIndexes();
    await db().delete({ disableAutoOpen: false });
  });

  it('reaches the loaded keyword index at once, and the stored rows, without re-chunking', async () => {
    const { page } = await savePageRecord(capture('Old name'));
    await indexChunks(page.id, chunkMarkdown(page.markdown));
    expect(await found('coathanger')).toEqual([]);
    const chunkIdsBefore = await db().ragChunks.toCollection().primaryKeys();

    const saved = await savePageRecord(capture('Coathanger'));
    expect(saved.outcome).toBe('updated');
    expect(saved.page.title).toBe('Coathanger');
    // The index loaded before the save was updated in place.
    expect(new Set(await found('coathanger'))).toEqual(new Set([page.id]));
    // The old title no longer counts as the title; its H1 is now a heading of its own.
    const row = await db().ragLexical.get(page.id);
    expect(row?.title?.terms).toEqual(['coathang']);
    expect(row?.docs.some((doc) => doc.heading?.terms.includes('old'))).toBe(true);
    expect(await db().ragChunks.toCollection().primaryKeys()).toEqual(chunkIdsBefore);
    // A fresh load reads the same.
    closeRagIndexes();
    expect(new Set(await found('coathanger'))).toEqual(new Set([page.id]));
    // The library list's search terms follow the title too.
    expect((await db().pages.where('terms').equals('coathang').primaryKeys()).length).toBe(1);
  });

  it('leaves a page alone when neither its title nor its text changed', async () => {
    await savePageRecord(capture('Old name'));
    expect((await savePageRecord(capture('Old name'))).outcome).toBe('unchanged');
  });
});
