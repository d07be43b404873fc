import { db } from '../db/database';
import { writeOrExplainQuota } from '../db/quota';
import type { ClipRecord, PageRecord } from '../db/records';
import { AsideError } from '../messaging/errors';
import { type LibraryFile, libraryFileSchema, toLibraryFile } from './library-file';
import { pageTerms } from './page-record';

export async function setTags(id: string, tags: readonly string[]): Promise<void> {
  const updated = await writeOrExplainQuota(() => db().pages.update(id, { tags: [...tags] }));
  if (updated === 0) throw new AsideError('not-found', 'That page is no longer in the library.');
}

export interface DeletedPages {
  readonly pages: PageRecord[];
  readonly clips: ClipRecord[];
}

/** Deletes pages with their clips and returns them, so the UI can offer Undo. */
export async function deletePages(ids: readonly string[]): Promise<DeletedPages> {
  return db().transaction('rw', db().pages, db().clips, async () => {
    const pages = (await db().pages.bulkGet([...ids])).filter((page): page is PageRecord => page !== undefined);
    const clips = await db()
      .clips.where('pageUrl')
      .anyOf(pages.map((page) => page.url))
      .toArray();
    await db().pages.bulkDelete([...ids]);
    await db().clips.bulkDelete(clips.map((clip) => clip.id));
    return { pages, clips };
  });
}

/** Puts deleted pages and their clips back exactly as they were (Undo). */
export async function restorePages({ pages, clips }: DeletedPages): Promise<void> {
  await writeOrExplainQuota(() =>
    db().transaction('rw', db().pages, db().clips, async () => {
      await db().pages.bulkPut([...pages]);
      await db().clips.bulkPut([...clips]);
    }),
  );
}

export async function exportLibrary(): Promise<LibraryFile> {
  return toLibraryFile(await db().pages.orderBy('savedAt').toArray(), await db().clips.orderBy('savedAt').toArray());
}

export interface ImportCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Merges an export file into the library by URL: new URLs are added, a page
 * whose copy in the file is newer replaces the stored one (keeping the earlier
 * first-save time), anything else is left alone. One transaction: a bad or
 * too-large import changes nothing.
 */
export async function importLibrary(text: string): Promise<ImportCounts> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AsideError('invalid-file', 'The file is not JSON.');
  }
  const file = libraryFileSchema.safeParse(parsed);
  if (!file.success)
    throw new AsideError('invalid-file', 'The file is not an Aside library export.', { detail: file.error.message });
  return writeOrExplainQuota(() =>
    db().transaction('rw', db().pages, db().clips, async () => {
      // Clips are merged by id: one already here is the same clip.
      const knownClips = new Set(await db().clips.toCollection().primaryKeys());
      await db().clips.bulkAdd(file.data.clips.filter((clip) => !knownClips.has(clip.id)));
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      for (const incoming of file.data.pages) {
        const existing = await db().pages.where('url').equals(incoming.url).first();
        const clips = file.data.clips.filter((clip) => clip.pageUrl === incoming.url);
        const record: PageRecord = { ...incoming, terms: pageTerms(incoming, clips) };
        if (!existing) {
          const idTaken = (await db().pages.get(record.id)) !== undefined;
          await db().pages.add(idTaken ? { ...record, id: crypto.randomUUID() } : record);
          added++;
        } else if (incoming.updatedAt > existing.updatedAt && incoming.contentHash !== existing.contentHash) {
          await db().pages.put({ ...record, id: existing.id, savedAt: Math.min(existing.savedAt, incoming.savedAt) });
          updated++;
        } else {
          unchanged++;
        }
      }
      return { added, updated, unchanged };
    }),
  );
}
