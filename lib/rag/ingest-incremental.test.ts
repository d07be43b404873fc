import 'fake-indexeddb/auto';
import { Dexie, type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { capturedPage } from '../../tests/support/captured-page';
import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import { deletePages } from '../library/library-store';
import { savePageRecord } from '../library/save-page';
import { type ChangedPages, changedPages } from './changed-pages';
import { syncIngestPages } from './ingest-queue';
import { kickIngest, type PageIndexer } from './ingest-runner';

const capture = (n: number, markdown = `Text of page ${n}.`): CapturedPage =>
  capturedPage({
    url: `https://a.example/${n}`,
    title: `Page ${n}`,
    markdown,
  });

/** An index that records which pages it was asked to index and remove. */
function recordingIndexer() {
  const indexed: string[] = [];
  const removed: string[] = [];
  const indexer: PageIndexer = {
    currentModel: async () => null,
    indexPage: async (page: PageRecord) => {
      indexed.push(page.markdown);
      return 1;
    },
    removePages: async (ids) => void removed.push(...ids),
    removeModel: async () => undefined,
  };
  return { indexer, indexed, removed };
}

/** Writes pages (and nothing else) without telling the queue, as a library with 200 pages indexed long ago. */
async function libraryOf(count: number): Promise<void> {
  for (let n = 100; n < 100 + count; n++) await savePageRecord(capture(n));
}

describe('the ingest queue per save', () => {
  let seen: ChangedPages[] = [];
  const listener = (parts: ObservabilitySet) => {
    const changed = changedPages(parts, db().name);
    if (changed) seen.push(changed);
  };
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    // Creating the database (its upgrades) reports whole tables; a save comes after.
    await db().open();
    seen = [];
    Dexie.on('storagemutated', listener);
  });
  afterEach(() => Dexie.on.storagemutated.unsubscribe(listener));

  it('learns from each write which pages it touched: a save and a delete by id, a large bulk write as all', async () => {
    const { page } = await savePageRecord(capture(1));
    await db().ragChunks.put({ id: 'c', pageId: page.id, ordinal: 0, text: 't', start: 0, end: 1, headingPath: [] });
    await deletePages([page.id]);
    const many = Array.from({ length: 60 }, (_, n) => ({ ...page, id: `p${n}`, url: `https://b.example/${n}` }));
    await db().pages.bulkPut(many);
    // The chunk write touched no page, so it reported nothing.
    expect(seen).toEqual([[page.id], [page.id], 'all']);
  });

  it('syncs only the pages it is given: their new, changed or deleted jobs, and nothing of the others', async () => {
    await libraryOf(3);
    const { page } = await savePageRecord(capture(1));
    expect(await syncIngestPages([page.id], null)).toEqual({ queued: 1, removed: [] });
    // The other pages (no job yet) were not looked at.
    expect((await db().ingestJobs.toCollection().primaryKeys()).map(String)).toEqual([page.id]);
    expect(await syncIngestPages([page.id], null)).toEqual({ queued: 0, removed: [] });

    const edited = (await savePageRecord(capture(1, 'New text.'))).page;
    expect(await syncIngestPages([edited.id], null)).toEqual({ queued: 1, removed: [] });
    await db().pages.delete(page.id);
    expect(await syncIngestPages([page.id], null)).toEqual({ queued: 0, removed: [page.id] });
    expect(await db().ingestJobs.count()).toBe(0);
  });

  it('a kick with the saved page indexes that page; a kick for the whole library finds the rest', async () => {
    await libraryOf(3);
    const { indexer, indexed, removed } = recordingIndexer();
    const { page } = await savePageRecord(capture(1));
    await kickIngest(indexer, [page.id]);
    expect(indexed).toEqual(['Text of page 1.']);

    await deletePages([page.id]);
    await kickIngest(indexer, [page.id]);
    expect(removed).toEqual([page.id]);

    await kickIngest(indexer);
    expect(indexed.slice(1).sort()).toEqual(['Text of page 100.', 'Text of page 101.', 'Text of page 102.']);
  });
});

describe('a sync that fails', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    await db().open();
  });
  afterEach(() => vi.restoreAllMocks());

  it('keeps the pages it was given: the next kick, with no new change, indexes them', async () => {
    const { indexer, indexed } = recordingIndexer();
    const { page } = await savePageRecord(capture(7));
    // IndexedDB failing the job write (a full disk, an aborted transaction).
    vi.spyOn(db().ingestJobs, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(kickIngest(indexer, [page.id])).rejects.toThrow('QuotaExceededError');
    expect(indexed).toEqual([]);

    await kickIngest(indexer, []);
    expect(indexed).toEqual(['Text of page 7.']);
  });
});
