import { db } from '../db/database';
import { Bm25Index } from './bm25';

/** The snapshot's row id (one row: structured clone stores its buffers as they are). */
const snapshotId = 'bm25';

/** A keyword index as opened, and how far the saved snapshot was behind the keyword rows. */
export interface OpenedLexicalIndex {
  index: Bm25Index;
  /** Pages re-read from their rows because they changed after the snapshot (or all of them without one). */
  stalePages: string[];
  /** False when there was no usable snapshot and the index was built from every row. */
  fromSnapshot: boolean;
  /** Pages with a keyword row. */
  libraryPages: number;
}

/**
 * Opens the keyword index: the saved snapshot, then the pages whose rows
 * changed since (listed in ragLexicalDirty, or absent from it, or gone from the
 * rows) re-read from their rows. Without a snapshot, or with one this version
 * cannot read, the index is built from every row, as before snapshots.
 */
export async function loadLexicalIndex(): Promise<OpenedLexicalIndex> {
  const { snapshot, keys, dirty } = await db().transaction(
    'r',
    [db().ragLexicalSnapshot, db().ragLexical, db().ragLexicalDirty],
    async () => ({
      snapshot: await db().ragLexicalSnapshot.get(snapshotId),
      keys: (await db().ragLexical.toCollection().primaryKeys()).map(String),
      dirty: (await db().ragLexicalDirty.toCollection().primaryKeys()).map(String),
    }),
  );
  let index: Bm25Index | null = null;
  try {
    if (snapshot) index = Bm25Index.fromSnapshot(snapshot);
  } catch (error) {
    console.warn('[aside] the keyword index is rebuilt: its snapshot could not be read', error);
  }
  if (!index) {
    const built = new Bm25Index();
    await db().ragLexical.each((record) => built.add(record.pageId, record.docs, record.title));
    return { index: built, stalePages: keys, fromSnapshot: false, libraryPages: keys.length };
  }
  const stored = new Set(keys);
  const stale = new Set(dirty);
  for (const pageId of keys) if (!index.hasPage(pageId)) stale.add(pageId);
  for (const pageId of index.livePages()) if (!stored.has(pageId)) stale.add(pageId);
  const stalePages = [...stale];
  const rows = await db().ragLexical.bulkGet(stalePages);
  stalePages.forEach((pageId, i) => {
    index.removePage(pageId);
    const row = rows[i];
    if (row) index.add(pageId, row.docs, row.title);
  });
  return { index, stalePages, fromSnapshot: true, libraryPages: keys.length };
}

/**
 * Whether the snapshot is worth saving again: when the index was built
 * without one, or enough pages changed since that re-reading them at each
 * open costs more than a save (a save writes the whole index: ~35 MB at 100k
 * chunks).
 */
export function snapshotDue(stalePages: number, libraryPages: number, fromSnapshot = true): boolean {
  if (!fromSnapshot) return libraryPages > 0;
  return stalePages >= Math.max(64, 0.05 * libraryPages);
}

/**
 * Saves `index` as the snapshot. `reflected`: the pages whose changes the
 * index holds; their dirty marks go in the same transaction (another
 * context's writes, which this index has not seen, stay marked).
 */
export async function saveLexicalSnapshot(index: Bm25Index, reflected: readonly string[]): Promise<void> {
  const snapshot = index.toSnapshot();
  await db().transaction('rw', [db().ragLexicalSnapshot, db().ragLexicalDirty], async () => {
    await db().ragLexicalSnapshot.put({ id: snapshotId, ...snapshot, savedAt: Date.now() });
    await db().ragLexicalDirty.bulkDelete([...reflected]);
  });
}
