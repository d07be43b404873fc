/**
 * Runs inside an extension page of the real extension (bundled by
 * library-bench-browser.ts and evaluated there): fills Aside's IndexedDB with
 * a large library in the real schema with the real code, in batches of about
 * 4,096 chunks. Each synthetic page's record is made by recordFields (the
 * fields, hash and search terms a save writes) and chunked with
 * chunkMarkdown; a batch's page records and their ingest jobs (written as
 * done, as the queue leaves them) go in one transaction, then all its chunks
 * in one call of the real index writers: addChunks (chunk records, BM25F
 * rows, a packed int8 vector block) or, keyword-only, indexPages.
 * Only the capture and the passage embeddings are skipped: vectors are
 * seeded random unit vectors (the benchmark times the scan, not their
 * meaning; the query is embedded by the real model).
 *
 * Page by page (one indexChunks transaction per page, jobs written after the
 * chunks) it took 80 s per 100 pages under load ~20: the background's ingest
 * watcher saw pages without done jobs and indexed them again, in transactions
 * that contended with the seeding's.
 */
import type { CapturedPage } from '../lib/capture/page-context';
import { db } from '../lib/db/database';
import type { IngestJobRecord, PageRecord } from '../lib/db/records';
import { recordFields } from '../lib/library/page-record';
import { chunkMarkdown } from '../lib/rag/chunk';
import type { ChunkEntry } from '../lib/rag/types';
import { addChunks, indexPages, type PageChunks } from '../lib/rag/vector-index';

export interface SeedOptions {
  /** Paragraphs of real article text the pages are made of. */
  readonly paragraphs: readonly string[];
  /** Headings to give sections. */
  readonly headings: readonly string[];
  /** Stop once the library holds this many new chunks (or `pages` pages). */
  readonly chunks?: number;
  readonly pages?: number;
  /** Null: keyword-only (no vectors), as a library before semantic search is turned on. */
  readonly modelId: string | null;
  readonly dims: number;
  /** Distinguishes the URLs of successive seedings. */
  readonly prefix: string;
  readonly seed: number;
  /** Sections per page, four paragraphs each (default 5: about 11 chunks a page). */
  readonly sections?: number;
}

/** A small seeded PRNG, so a seeding is the same on every run. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function pageText(random: () => number, options: SeedOptions, title: string): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const sections: string[] = [`# ${title}`];
  for (let s = 0; s < (options.sections ?? 5); s++) {
    sections.push(`## ${pick(options.headings)}`);
    for (let p = 0; p < 4; p++) sections.push(pick(options.paragraphs));
  }
  return sections.join('\n\n');
}

function unitVector(random: () => number, dims: number): Float32Array {
  const v = new Float32Array(dims);
  for (let i = 0; i < dims; i++) v[i] = random() - 0.5;
  return v;
}

/** Chunks written per batch: about one full vector block (lib/rag/vector-blocks.ts). */
const batchChunks = 4096;

/**
 * Seeds pages until the target is reached; returns what was written. Each
 * batch is two transactions: the page records with their done ingest jobs
 * (together, so the background's ingest watcher never sees a page without
 * its job and indexes it a second time), then the chunks, keyword rows and
 * vectors of all the batch's pages (addChunks / indexPages).
 */
export async function seedLibrary(options: SeedOptions): Promise<{ pages: number; chunks: number }> {
  const random = prng(options.seed);
  const records: PageRecord[] = [];
  const jobs: IngestJobRecord[] = [];
  const entries: ChunkEntry[] = [];
  const keywordOnly: PageChunks[] = [];
  let pages = 0;
  let chunks = 0;
  let pendingChunks = 0;
  const flush = async () => {
    await db().transaction('rw', db().pages, db().ingestJobs, async () => {
      await db().pages.bulkPut(records.splice(0));
      await db().ingestJobs.bulkPut(jobs.splice(0));
    });
    if (options.modelId) await addChunks(options.modelId, options.dims, entries.splice(0));
    else await indexPages(keywordOnly.splice(0));
    pendingChunks = 0;
  };
  while (
    (options.chunks === undefined || chunks < options.chunks) &&
    (options.pages === undefined || pages < options.pages)
  ) {
    const title = `${options.headings[Math.floor(random() * options.headings.length)]} ${options.prefix}-${pages}`;
    const capture: CapturedPage = {
      url: `https://library-bench.example/${options.prefix}/${pages}`,
      title,
      byline: null,
      siteName: 'Library bench',
      lang: 'en',
      excerpt: null,
      markdown: pageText(random, options, title),
      method: 'readability',
      cutAtCapture: false,
    };
    const now = Date.now();
    const page: PageRecord = {
      id: crypto.randomUUID(),
      ...(await recordFields(capture)),
      source: 'saved',
      tags: [],
      savedAt: now,
      updatedAt: now,
    };
    records.push(page);
    const pageChunks = chunkMarkdown(page.markdown);
    if (options.modelId) {
      for (const chunk of pageChunks)
        entries.push({ pageId: page.id, chunk, vector: unitVector(random, options.dims) });
    } else {
      keywordOnly.push({ pageId: page.id, chunks: pageChunks });
    }
    jobs.push({
      pageId: page.id,
      contentHash: page.contentHash,
      indexedHash: page.contentHash,
      modelId: options.modelId,
      state: 'done',
      chunks: pageChunks.length,
      updatedAt: now,
    });
    pages++;
    chunks += pageChunks.length;
    pendingChunks += pageChunks.length;
    if (pendingChunks >= batchChunks) await flush();
  }
  if (records.length > 0) await flush();
  return { pages, chunks };
}
