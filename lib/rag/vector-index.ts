import { db } from '../db/database';
import type { RagChunkRecord, RagLexicalRecord } from '../db/rag-records';
import { type LexicalDoc, lexicalDoc } from './bm25';
import type { Chunk } from './chunk';
import { cachedIndexes, forgetVectorIndex, openVectorIndex } from './index-cache';
import { strideFor } from './int8-kernel';
import { normalize, quantizeInt8 } from './quantize';
import { type ChunkEntry, chunkId } from './types';
import { appendVectorBlock, removeVectorRows } from './vector-blocks';

export { closeRagIndexes, openLexicalIndex, openVectorIndex } from './index-cache';

/** Writes run one at a time, so the in-memory caches see them in commit order. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(write: () => Promise<T>): Promise<T> {
  const run = queue.then(write, write);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Makes a page's chunks searchable by keyword (no vectors): stores their
 * text and BM25 term counts. Chunks with the same ordinal are replaced; for a
 * changed page call removePage first. addChunks does this too.
 */
export function indexChunks(pageId: string, chunks: readonly Chunk[]): Promise<void> {
  return serialized(async () => {
    const snapshot = await settledCaches();
    const docs = await db().transaction('rw', db().ragChunks, db().ragLexical, () => putChunks(pageId, chunks));
    await applyLexical(snapshot, pageId, docs);
  });
}

/**
 * Stores chunks with their embeddings from model `modelId` (vectors are
 * normalized and kept as int8 codes with a scale, 388 bytes at 384 dims),
 * plus text and BM25 terms. A chunk already embedded by this model is
 * replaced. Vectors of other models are untouched, so a re-embedding can
 * run while the old model keeps answering.
 */
export function addChunks(modelId: string, dims: number, entries: readonly ChunkEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  return serialized(async () => {
    const stride = strideFor(dims);
    const codes = new Int8Array(entries.length * stride);
    const scales = new Float32Array(entries.length);
    const ids = entries.map((e) => chunkId(e.pageId, e.chunk.ordinal));
    entries.forEach((entry, i) => {
      if (entry.vector.length !== dims)
        throw new Error(`addChunks: vector of ${entry.vector.length} dims, expected ${dims}`);
      scales[i] = quantizeInt8(normalize(entry.vector), codes, i * stride);
    });
    const byPage = new Map<string, Chunk[]>();
    for (const entry of entries) byPage.set(entry.pageId, [...(byPage.get(entry.pageId) ?? []), entry.chunk]);
    const snapshot = await settledCaches();
    const tables = [db().ragChunks, db().ragLexical, db().ragVectorBlocks];
    const docs = await db().transaction('rw', tables, async () => {
      const existing = await db().ragVectorBlocks.where('modelId').equals(modelId).first();
      if (existing && existing.dims !== dims) {
        throw new Error(`addChunks: model ${modelId} has ${existing.dims}-dim vectors, not ${dims}`);
      }
      const written = new Map<string, LexicalDoc[]>();
      for (const [pageId, chunks] of byPage) written.set(pageId, await putChunks(pageId, chunks));
      await removeVectorRows([...byPage.keys()], (block) => block.modelId === modelId, new Set(ids));
      await appendVectorBlock({
        modelId,
        dims,
        stride,
        chunkIds: ids,
        rowPages: entries.map((e) => e.pageId),
        codes,
        scales,
      });
      return written;
    });
    const vectors = snapshot.vectors.get(modelId);
    if (vectors && cachedIndexes().vectors.get(modelId) === vectors) {
      const index = await vectors;
      if (index.dims === dims)
        index.append(
          ids,
          entries.map((e) => e.pageId),
          codes,
          scales,
        );
      else forgetVectorIndex(modelId);
    }
    for (const [pageId, pageDocs] of docs) await applyLexical(snapshot, pageId, pageDocs);
  });
}

/** Forgets a page everywhere: chunks, keyword terms and the vectors of every model. */
export function removePage(pageId: string): Promise<void> {
  return serialized(async () => {
    const snapshot = await settledCaches();
    const tables = [db().ragChunks, db().ragLexical, db().ragVectorBlocks];
    await db().transaction('rw', tables, async () => {
      await db().ragChunks.where('pageId').equals(pageId).delete();
      await db().ragLexical.delete(pageId);
      await removeVectorRows([pageId], () => true, null);
    });
    const current = cachedIndexes();
    for (const [modelId, vectors] of snapshot.vectors) {
      if (current.vectors.get(modelId) === vectors) (await vectors).removePage(pageId);
    }
    if (snapshot.lexical && current.lexical === snapshot.lexical) (await snapshot.lexical).removePage(pageId);
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

/** Inside a transaction: upserts chunk records and the page's BM25 terms; returns the new docs. */
async function putChunks(pageId: string, chunks: readonly Chunk[]): Promise<LexicalDoc[]> {
  const records: RagChunkRecord[] = chunks.map((chunk) => ({ id: chunkId(pageId, chunk.ordinal), pageId, ...chunk }));
  const previous = new Map(
    (await db().ragChunks.bulkGet(records.map((r) => r.id))).flatMap((r) => (r ? [[r.id, r] as const] : [])),
  );
  const changed = records.filter((r) => {
    const old = previous.get(r.id);
    return (
      !old || old.text !== r.text || old.start !== r.start || old.headingPath.join('\n') !== r.headingPath.join('\n')
    );
  });
  if (changed.length === 0) return [];
  await db().ragChunks.bulkPut(changed);
  const docs = changed.map((r) => lexicalDoc(r.id, r.text));
  const replaced = new Set(docs.map((d) => d.chunkId));
  const record: RagLexicalRecord = (await db().ragLexical.get(pageId)) ?? { pageId, docs: [] };
  record.docs = [...record.docs.filter((d) => !replaced.has(d.chunkId)), ...docs];
  await db().ragLexical.put(record);
  return docs;
}

type Snapshot = ReturnType<typeof cachedIndexes>;

/** The caches as they are before a write, each finished loading (a failed load is simply not updated). */
async function settledCaches(): Promise<Snapshot> {
  const snapshot = cachedIndexes();
  await Promise.allSettled([...snapshot.vectors.values(), snapshot.lexical]);
  return snapshot;
}

async function applyLexical(snapshot: Snapshot, pageId: string, docs: LexicalDoc[]): Promise<void> {
  if (docs.length && snapshot.lexical && cachedIndexes().lexical === snapshot.lexical) {
    (await snapshot.lexical).add(pageId, docs);
  }
}
