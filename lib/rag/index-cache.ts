import { db } from '../db/database';
import type { Bm25Index } from './bm25';
import { strideFor } from './int8-kernel';
import { loadLexicalIndex, saveLexicalSnapshot, snapshotDue } from './lexical-snapshot';
import { MemoryVectorIndex } from './memory-index';
import { serialized } from './write-queue';

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
    track(index);
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

/**
 * The BM25F index over all chunks. Cached. Opened from its snapshot plus the
 * pages changed since (lexical-snapshot.ts), or built from every page's
 * keyword row when there is none; a snapshot that lags far is saved again.
 */
export function openLexicalIndex(): Promise<Bm25Index> {
  if (!lexicalIndex) {
    const loading = loadLexicalIndex().then((opened) => {
      if (lexicalIndex === loading) {
        reflected = new Set(opened.stalePages);
        if (snapshotDue(opened.stalePages.length, opened.libraryPages, opened.fromSnapshot)) scheduleSnapshot();
      }
      return opened.index;
    });
    track(loading);
    loading.catch(() => {
      if (lexicalIndex === loading) lexicalIndex = undefined;
    });
    lexicalIndex = loading;
  }
  return lexicalIndex;
}

/** Pages whose changes since the saved snapshot the loaded keyword index holds (their dirty marks can go). */
let reflected = new Set<string>();
let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
/** A save waits for writes to pause (an import, a burst of saves), so it is not repeated for each page. */
const snapshotDelayMs = 3000;

/**
 * A write of this context changed a page's keyword row and the loaded index
 * (vector-index.ts): the snapshot is saved again once enough pages changed.
 */
export function noteLexicalWrite(pageId: string, libraryPages: number): void {
  if (!lexicalIndex) return;
  reflected.add(pageId);
  if (snapshotDue(reflected.size, libraryPages)) scheduleSnapshot();
}

/**
 * A page was deleted: the saved snapshot still holds its words (term counts
 * per chunk), so it is saved again once writes pause, whatever the number of
 * changes and whether or not the index is loaded here: a deleted page's words
 * must not stay on disk. `delayMs` is for tests.
 */
export function noteLexicalRemoval(delayMs = snapshotDelayMs): void {
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(
    () =>
      void openLexicalIndex()
        .then(() => saveSnapshotNow())
        .catch(logSnapshotError),
    delayMs,
  );
}

function scheduleSnapshot(): void {
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => void saveSnapshotNow().catch(logSnapshotError), snapshotDelayMs);
}

/**
 * Saves the loaded keyword index as the snapshot now, between writes (not
 * waiting for the delay: tests, and the benchmark). Nothing when none is loaded.
 */
export function saveSnapshotNow(): Promise<void> {
  clearTimeout(snapshotTimer);
  return serialized(async () => {
    const cached = lexicalIndex;
    if (!cached) return;
    const index = await cached;
    const pages = [...reflected];
    await saveLexicalSnapshot(index, pages);
    if (lexicalIndex === cached) for (const pageId of pages) reflected.delete(pageId);
  });
}

function logSnapshotError(error: unknown): void {
  console.warn('[aside] the keyword index snapshot was not saved', error);
}

/** Index opens that have finished loading, for isLibraryOpen. */
const settled = new WeakSet<Promise<unknown>>();
function track(loading: Promise<unknown>): void {
  loading.then(
    () => settled.add(loading),
    () => undefined,
  );
}

/**
 * Whether a library search would start now without opening anything: the
 * keyword index, and `modelId`'s vectors when given, are loaded in memory.
 */
export function isLibraryOpen(modelId: string | null): boolean {
  const vectors = modelId ? vectorIndexes.get(modelId) : undefined;
  return (
    lexicalIndex !== undefined &&
    settled.has(lexicalIndex) &&
    (modelId === null || (vectors !== undefined && settled.has(vectors)))
  );
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
  reflected = new Set();
  clearTimeout(snapshotTimer);
}

function sameBuffer(a: ArrayBuffer | undefined, b: ArrayBuffer | undefined): boolean {
  if (!a || !b) return !a && !b;
  const x = new Float32Array(a);
  const y = new Float32Array(b);
  return x.length === y.length && x.every((value, j) => value === y[j]);
}
