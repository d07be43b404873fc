import { beforeEach, describe, expect, it } from 'vitest';
import { capturedPage } from '../../tests/support/captured-page';
import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import { savePageRecord } from '../library/save-page';
import { contentTerms } from '../library/search-terms';
import { Bm25Index } from './bm25';
import { chunkMarkdown } from './chunk';
import { closeRagIndexes, openLexicalIndex, saveSnapshotNow } from './index-cache';
import { lexicalDoc } from './lexical-doc';
import { loadLexicalIndex, snapshotDue } from './lexical-snapshot';
import { indexChunks, removePage, retitlePage } from './vector-index';

const words = ['bridge', 'tunnel', 'ferry', 'viaduct', 'causeway', '渡轮', '隧道'];

async function savePage(n: number, title = `Page ${n}`): Promise<PageRecord> {
  const word = words[n % words.length] as string;
  const markdown = `# ${title}\n\nThe ${word} of town ${n} opened in 1932.\n\n## Traffic\n\nAbout ${n} cars a day use the ${word}.`;
  const { page } = await savePageRecord(capturedPage({ url: `https://example.com/${n}`, title, markdown }));
  await indexChunks(page.id, chunkMarkdown(page.markdown));
  return page;
}

/** The index as a rebuild from every keyword row makes it: what an open must always answer like. */
async function rebuilt(): Promise<Bm25Index> {
  const index = new Bm25Index();
  await db().ragLexical.each((row) => index.add(row.pageId, row.docs, row.title));
  return index;
}

const queries = ['bridge 1932', 'tunnel traffic', 'ferry cars town', '渡轮', 'Page 3', 'Renamed viaduct', 'causeway'];

/** Every hit (k covers the whole test library), in a fixed order: chunks of equal score come in row order, which differs. */
const answers = (index: Bm25Index, query: string) =>
  index.search(contentTerms(query), 100).sort((a, b) => b.score - a.score || a.chunkId.localeCompare(b.chunkId));

async function expectSameAnswers(index: Bm25Index): Promise<void> {
  const reference = await rebuilt();
  expect(index.size).toBe(reference.size);
  for (const query of queries) expect(answers(index, query)).toEqual(answers(reference, query));
}

describe('opening the keyword index from its snapshot', () => {
  beforeEach(async () => {
    closeRagIndexes();
    await db().delete({ disableAutoOpen: false });
  });

  it('builds from the rows the first time, then opens from the snapshot with nothing to re-read', async () => {
    for (let n = 0; n < 6; n++) await savePage(n);
    const first = await loadLexicalIndex();
    expect(first.fromSnapshot).toBe(false);
    await openLexicalIndex();
    await saveSnapshotNow();
    expect(await db().ragLexicalDirty.count()).toBe(0);

    const second = await loadLexicalIndex();
    expect(second.fromSnapshot).toBe(true);
    expect(second.stalePages).toEqual([]);
    await expectSameAnswers(second.index);
  });

  it('re-reads only the pages written, deleted or retitled after the snapshot', async () => {
    const pages: PageRecord[] = [];
    for (let n = 0; n < 6; n++) pages.push(await savePage(n));
    await openLexicalIndex();
    await saveSnapshotNow();
    closeRagIndexes();

    const added = await savePage(10);
    await removePage(pages[1]?.id as string);
    const renamed = (await savePageRecord(capturedPage({ ...pages[2], title: 'Renamed viaduct' } as never))).page;
    await retitlePage(renamed.id);
    const opened = await loadLexicalIndex();
    expect(opened.fromSnapshot).toBe(true);
    expect(new Set(opened.stalePages)).toEqual(new Set([added.id, pages[1]?.id, renamed.id]));
    await expectSameAnswers(opened.index);
  });

  it('sees rows another context wrote or deleted without marking them (a page added, a page gone)', async () => {
    const pages: PageRecord[] = [];
    for (let n = 0; n < 4; n++) pages.push(await savePage(n));
    await openLexicalIndex();
    await saveSnapshotNow();
    await db().ragLexical.delete(pages[0]?.id as string);
    await db().ragLexical.put({
      pageId: 'elsewhere',
      docs: [lexicalDoc('elsewhere#0', 'A causeway built elsewhere.')],
    });
    const opened = await loadLexicalIndex();
    expect(new Set(opened.stalePages)).toEqual(new Set([pages[0]?.id, 'elsewhere']));
    await expectSameAnswers(opened.index);
  });

  it('keeps the loaded index and the snapshot current through writes while it is open', async () => {
    const pages: PageRecord[] = [];
    for (let n = 0; n < 4; n++) pages.push(await savePage(n));
    const index = await openLexicalIndex();
    await savePage(5);
    await removePage(pages[2]?.id as string);
    await expectSameAnswers(index);
    await saveSnapshotNow();
    expect(await db().ragLexicalDirty.count()).toBe(0);
    closeRagIndexes();
    const reopened = await loadLexicalIndex();
    expect(reopened.stalePages).toEqual([]);
    await expectSameAnswers(reopened.index);
  });

  it("saves the snapshot again soon after a page is deleted, so the deleted page's words leave the disk", async () => {
    const pages: PageRecord[] = [];
    for (let n = 0; n < 4; n++) pages.push(await savePage(n));
    await openLexicalIndex();
    await saveSnapshotNow();
    // Not loaded in this context: the deletion must still reach the saved copy.
    closeRagIndexes();
    const gone = pages[0]?.id as string;
    const saved = async () => Bm25Index.fromSnapshot((await db().ragLexicalSnapshot.get('bm25')) as never);
    expect((await saved()).hasPage(gone)).toBe(true);
    await removePage(gone);
    await expect.poll(async () => (await saved()).hasPage(gone), { timeout: 10_000, interval: 200 }).toBe(false);
    expect(answers(await saved(), 'bridge')).toEqual([]);
  }, 15_000);

  it('rebuilds from the rows when the snapshot cannot be read', async () => {
    for (let n = 0; n < 3; n++) await savePage(n);
    await openLexicalIndex();
    await saveSnapshotNow();
    await db().ragLexicalSnapshot.update('bm25', { format: 0 });
    const opened = await loadLexicalIndex();
    expect(opened.fromSnapshot).toBe(false);
    await expectSameAnswers(opened.index);
  });
});

describe('snapshotDue', () => {
  it('asks for a save after a build, or once re-reading the changed pages would cost more than a save', () => {
    expect(snapshotDue(0, 0, false)).toBe(false);
    expect(snapshotDue(10, 10, false)).toBe(true);
    expect(snapshotDue(63, 100)).toBe(false);
    expect(snapshotDue(64, 100)).toBe(true);
    expect(snapshotDue(400, 10_000)).toBe(false);
    expect(snapshotDue(500, 10_000)).toBe(true);
  });
});
