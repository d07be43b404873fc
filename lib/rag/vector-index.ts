import { db } from '../db/database';
import type { RagChunkRecord, RagLexicalRecord } from '../db/rag-records';
import type { Bm25Index, FieldTerms, LexicalDoc } from './bm25';
import type { Chunk } from './chunk';
import { headingsBelowTitle } from './headings-below-title';
import { cachedIndexes, forgetVectorIndex, noteLexicalRemoval, noteLexicalWrite, openVectorIndex } from './index-cache';
import { strideFor } from './int8-kernel';
import { lexicalDoc, titleTerms } from './lexical-doc';
import { normalize, quantizeInt8 } from './quantize';
import { type ChunkEntry, chunkId } from './types';
import { appendVectorBlock, removeVectorRows } from './vector-blocks';
import { centerOf, residual, sameCenter } from './vector-center';
import { serialized } from './write-queue';

export { closeRagIndexes, openLexicalIndex, openVectorIndex } from './index-cache';

/** How the index writes chunks. */
export interface WriteOptions {
  /**
   * Write only the chunks of pages still in the library, checked in the
   * write's own transaction: a page deleted while it was being embedded
   * leaves nothing behind, whichever happens first (the ingest queue drops
   * the index of a deleted page once, and would never see these rows).
   */
  readonly onlyStoredPages?: boolean;
}

/**
 * Makes a page's chunks searchable by keyword (no vectors): stores their
 * text and BM25 term counts. Chunks with the same ordinal are replaced; for a
 * changed page call removePage first. addChunks does this too.
 */
export function indexChunks(pageId: string, chunks: readonly Chunk[], options: WriteOptions = {}): Promise<void> {
  return indexPages([{ pageId, chunks }], options);
}

/** One page's chunks, for indexPages. */
export interface PageChunks {
  readonly pageId: string;
  readonly chunks: readonly Chunk[];
}

/**
 * indexChunks for many pages in one transaction (an import, the library
 * benchmark's seeding): the same rows as page by page, far fewer commits.
 */
export function indexPages(pages: readonly PageChunks[], options: WriteOptions = {}): Promise<void> {
  if (pages.length === 0) return Promise.resolve();
  return serialized(async () => {
    const snapshot = await settledCaches();
    const tables = [db().pages, db().ragChunks, db().ragLexical, db().ragLexicalDirty];
    const written = await db().transaction('rw', tables, async () => {
      const stored = await storedPages(
        pages.map((page) => page.pageId),
        options,
      );
      const terms = new Map<string, PageTerms>();
      for (const page of pages) {
        if (stored.has(page.pageId)) terms.set(page.pageId, await putChunks(page.pageId, page.chunks));
      }
      return terms;
    });
    for (const [pageId, terms] of written) await applyLexical(snapshot, pageId, terms);
  });
}

/**
 * Stores chunks with their embeddings from model `modelId` (vectors are
 * normalized and kept as int8 codes with a scale, 388 bytes at 384 dims),
 * plus text and BM25 terms. A chunk already embedded by this model is
 * replaced. Vectors of other models are untouched, so a re-embedding can
 * run while the old model keeps answering.
 */
export function addChunks(
  modelId: string,
  dims: number,
  entries: readonly ChunkEntry[],
  options: WriteOptions = {},
): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  for (const entry of entries) {
    if (entry.vector.length !== dims)
      return Promise.reject(new Error(`addChunks: vector of ${entry.vector.length} dims, expected ${dims}`));
  }
  return serialized(async () => {
    const stride = strideFor(dims);
    const snapshot = await settledCaches();
    const tables = [db().pages, db().ragChunks, db().ragLexical, db().ragLexicalDirty, db().ragVectorBlocks];
    const written = await db().transaction('rw', tables, async () => {
      const existing = await db().ragVectorBlocks.where('modelId').equals(modelId).first();
      if (existing && existing.dims !== dims) {
        throw new Error(`addChunks: model ${modelId} has ${existing.dims}-dim vectors, not ${dims}`);
      }
      const pages = await storedPages([...new Set(entries.map((e) => e.pageId))], options);
      const kept = entries.filter((entry) => pages.has(entry.pageId));
      if (kept.length === 0) return null;
      const units = kept.map((entry) => normalize(entry.vector));
      // A model's vectors are stored relative to one center, chosen with its first vectors (see centerOf).
      const center = existing ? (existing.center ? new Float32Array(existing.center) : null) : centerOf(units);
      const codes = new Int8Array(kept.length * stride);
      const scales = new Float32Array(kept.length);
      units.forEach((unit, i) => {
        scales[i] = quantizeInt8(center ? residual(unit, center) : unit, codes, i * stride);
      });
      const ids = kept.map((e) => chunkId(e.pageId, e.chunk.ordinal));
      const rowPages = kept.map((e) => e.pageId);
      const docs = new Map<string, PageTerms>();
      for (const pageId of pages) {
        const chunks = kept.filter((e) => e.pageId === pageId).map((e) => e.chunk);
        docs.set(pageId, await putChunks(pageId, chunks));
      }
      await removeVectorRows([...pages], (block) => block.modelId === modelId, new Set(ids));
      await appendVectorBlock({
        modelId,
        dims,
        stride,
        chunkIds: ids,
        rowPages,
        codes,
        scales,
        ...(center ? { center } : {}),
      });
      return { ids, rowPages, codes, scales, center, docs };
    });
    if (!written) return;
    const vectors = snapshot.vectors.get(modelId);
    if (vectors && cachedIndexes().vectors.get(modelId) === vectors) {
      const index = await vectors;
      if (index.size === 0 && written.center) index.setCenter(written.center);
      if (index.dims === dims && sameCenter(index.center, written.center))
        index.append(written.ids, written.rowPages, written.codes, written.scales);
      else forgetVectorIndex(modelId);
    }
    for (const [pageId, pageDocs] of written.docs) await applyLexical(snapshot, pageId, pageDocs);
  });
}

/** Forgets a page everywhere: chunks, keyword terms and the vectors of every model. */
export function removePage(pageId: string): Promise<void> {
  return serialized(async () => {
    const snapshot = await settledCaches();
    const tables = [db().ragChunks, db().ragLexical, db().ragLexicalDirty, db().ragVectorBlocks];
    await db().transaction('rw', tables, async () => {
      await db().ragChunks.where('pageId').equals(pageId).delete();
      await db().ragLexical.delete(pageId);
      await db().ragLexicalDirty.put({ pageId });
      await removeVectorRows([pageId], () => true, null);
    });
    const current = cachedIndexes();
    for (const [modelId, vectors] of snapshot.vectors) {
      if (current.vectors.get(modelId) === vectors) (await vectors).removePage(pageId);
    }
    await applyLexical(snapshot, pageId, null);
    // The saved keyword snapshot still lists the page's words: it is saved again soon.
    if (await db().ragLexicalSnapshot.count()) noteLexicalRemoval();
  });
}

/**
 * A page's title changed while its text did not (saved again under a new
 * title): its keyword row gets the new title field, and its chunks' heading
 * fields lose the headings that now repeat the title, in IndexedDB and in the
 * loaded keyword index alike, without re-chunking the page or reloading the
 * index. A page not indexed yet is left to the ingest queue.
 */
export function retitlePage(pageId: string): Promise<void> {
  return serialized(async () => {
    const snapshot = await settledCaches();
    const tables = [db().pages, db().ragChunks, db().ragLexical, db().ragLexicalDirty];
    const terms = await db().transaction('rw', tables, async () => {
      const [page, record] = await Promise.all([db().pages.get(pageId), db().ragLexical.get(pageId)]);
      if (!page || !record) return null;
      const chunks = await db().ragChunks.where('pageId').equals(pageId).toArray();
      const docs = chunks.map((r) => lexicalDoc(r.id, r.text, headingsBelowTitle(page.title, r.headingPath)));
      const title = titleTerms(page.title);
      await db().ragLexical.put({ pageId, docs, title });
      await db().ragLexicalDirty.put({ pageId });
      return { docs, title };
    });
    if (terms) await applyLexical(snapshot, pageId, terms);
  });
}

/** Deletes every vector of a model (after a re-embedding with another model has completed). */
export function removeModel(modelId: string): Promise<void> {
  return serialized(async () => {
    await db().ragVectorBlocks.where('modelId').equals(modelId).delete();
    forgetVectorIndex(modelId);
  });
}

/** Chunks stored (keyword-searchable), or with `modelId`: chunks that model has embedded. */
export async function countChunks(modelId?: string): Promise<number> {
  if (modelId === undefined) return db().ragChunks.count();
  return (await openVectorIndex(modelId)).size;
}

/** Inside a transaction with `pages`: the pages that may be written (all unless only stored ones are asked for). */
async function storedPages(pageIds: readonly string[], options: WriteOptions): Promise<Set<string>> {
  if (!options.onlyStoredPages) return new Set(pageIds);
  const keys = await db()
    .pages.where('id')
    .anyOf([...pageIds])
    .primaryKeys();
  return new Set(keys.map(String));
}

/** The keyword terms a write added for a page: its new or changed chunks, and its title. */
interface PageTerms {
  docs: LexicalDoc[];
  title?: FieldTerms;
}

/**
 * Inside a transaction with `pages`: upserts chunk records and the page's
 * BM25F terms (marking the page changed since the keyword snapshot); returns the new ones.
 */
async function putChunks(pageId: string, chunks: readonly Chunk[]): Promise<PageTerms> {
  const records: RagChunkRecord[] = chunks.map((chunk) => ({ id: chunkId(pageId, chunk.ordinal), pageId, ...chunk }));
  const previous = new Map(
    (await db().ragChunks.bulkGet(records.map((r) => r.id))).flatMap((r) => (r ? [[r.id, r] as const] : [])),
  );
  const changed = records.filter((r) => {
    const old = previous.get(r.id);
    return (
      !old ||
      old.text !== r.text ||
      old.start !== r.start ||
      old.page !== r.page ||
      old.headingPath.join('\n') !== r.headingPath.join('\n')
    );
  });
  if (changed.length === 0) return { docs: [] };
  await db().ragChunks.bulkPut(changed);
  const pageTitle = (await db().pages.get(pageId))?.title;
  const docs = changed.map((r) =>
    lexicalDoc(r.id, r.text, pageTitle === undefined ? r.headingPath : headingsBelowTitle(pageTitle, r.headingPath)),
  );
  const replaced = new Set(docs.map((d) => d.chunkId));
  const record: RagLexicalRecord = (await db().ragLexical.get(pageId)) ?? { pageId, docs: [] };
  record.docs = [...record.docs.filter((d) => !replaced.has(d.chunkId)), ...docs];
  if (pageTitle !== undefined) record.title = titleTerms(pageTitle);
  await db().ragLexical.put(record);
  await db().ragLexicalDirty.put({ pageId });
  return { docs, ...(record.title ? { title: record.title } : {}) };
}

type Snapshot = ReturnType<typeof cachedIndexes>;

/** The caches as they are before a write, each finished loading (a failed load is simply not updated). */
async function settledCaches(): Promise<Snapshot> {
  const snapshot = cachedIndexes();
  await Promise.allSettled([...snapshot.vectors.values(), snapshot.lexical]);
  return snapshot;
}

/**
 * After a write committed: the loaded keyword index gets the page's new terms
 * (`terms`), or loses the page (null). An index that began opening during the
 * write may or may not have read it, so the page is re-read from its row.
 */
async function applyLexical(snapshot: Snapshot, pageId: string, terms: PageTerms | null): Promise<void> {
  const current = cachedIndexes().lexical;
  if (!current) return;
  let index: Bm25Index | null;
  if (current === snapshot.lexical) {
    index = await current;
    if (!terms) index.removePage(pageId);
    else if (terms.docs.length) index.add(pageId, terms.docs, terms.title);
    else return;
  } else {
    const [opened, row] = await Promise.all([current.catch(() => null), db().ragLexical.get(pageId)]);
    index = opened;
    if (!index) return;
    index.removePage(pageId);
    if (row) index.add(pageId, row.docs, row.title);
  }
  // The index's page count, not a count of the rows: that would read the whole table on every save.
  noteLexicalWrite(pageId, index.pageCount);
}
