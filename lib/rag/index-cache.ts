import { db } from '../db/database';
import { Bm25Index } from './bm25';
import { strideFor } from './int8-kernel';
import { MemoryVectorIndex } from './memory-index';

/**
 * The in-memory indexes of this JS context (the background), loaded from
 * IndexedDB on first use and kept current by the writes in vector-index.ts.
 * Writes from another context are not seen: call closeRagIndexes() there.
 */
const vectorIndexes = new Map<string, Promise<MemoryVectorIndex>>();
let lexicalIndex: Promise<Bm25Index> | undefined;

/**
 * All vectors of a model, loaded with one indexed read of its blocks (a few
 * large rows: 4096 vectors each). Cached; timing the first call measures the
 * index open.
 */
export function openVectorIndex(modelId: string): Promise<MemoryVectorIndex> {
  let index = vectorIndexes.get(modelId);
  if (!index) {
    index = loadVectorIndex(modelId);
    vectorIndexes.set(modelId, index);
    index.catch(() => vectorIndexes.delete(modelId));
  }
  return index;
}

/** How long each model's index took to open in this context (ms), for diagnostics and the benchmark. */
const loadTimes = new Map<string, number>();

/** The time the last open of `modelId`'s index took, or undefined when it was not opened here. */
export function vectorIndexLoadMs(modelId: string): number | undefined {
  return loadTimes.get(modelId);
}

async function loadVectorIndex(modelId: string): Promise<MemoryVectorIndex> {
  const started = performance.now();
  const index = await readVectorIndex(modelId);
  loadTimes.set(modelId, performance.now() - started);
  return index;
}

async function readVectorIndex(modelId: string): Promise<MemoryVectorIndex> {
  const blocks = await db().ragVectorBlocks.where('modelId').equals(modelId).toArray();
  const dims = blocks[0]?.dims ?? 0;
  const index = new MemoryVectorIndex(modelId, dims);
  const center = blocks[0]?.center;
  if (center) index.setCenter(new Float32Array(center));
  for (const block of blocks) {
    if (block.dims !== dims || block.stride !== strideFor(dims) || !sameBuffer(block.center, center)) continue;
    index.append(block.chunkIds, block.rowPages, new Int8Array(block.codes), new Float32Array(block.scales));
  }
  return index;
}

/** The BM25F index over all chunks, built from the per-page term counts and titles. Cached. */
export function openLexicalIndex(): Promise<Bm25Index> {
  if (!lexicalIndex) {
    const loading = (async () => {
      const index = new Bm25Index();
      await db().ragLexical.each((record) => index.add(record.pageId, record.docs, record.title));
      return index;
    })();
    loading.catch(() => {
      if (lexicalIndex === loading) lexicalIndex = undefined;
    });
    lexicalIndex = loading;
  }
  return lexicalIndex;
}

/** The cached indexes that exist now, without loading any (for writes to update in place). */
export function cachedIndexes(): { vectors: Map<string, Promise<MemoryVectorIndex>>; lexical?: Promise<Bm25Index> } {
  return { vectors: new Map(vectorIndexes), ...(lexicalIndex ? { lexical: lexicalIndex } : {}) };
}

/** Drops a model's cached vectors (after removeModel or a dims change). */
export function forgetVectorIndex(modelId: string): void {
  vectorIndexes.delete(modelId);
}

/** Drops every cached index; the next search reloads from IndexedDB. */
export function closeRagIndexes(): void {
  vectorIndexes.clear();
  lexicalIndex = undefined;
}

function sameBuffer(a: ArrayBuffer | undefined, b: ArrayBuffer | undefined): boolean {
  if (!a || !b) return !a && !b;
  const x = new Float32Array(a);
  const y = new Float32Array(b);
  return x.length === y.length && x.every((value, j) => value === y[j]);
}
