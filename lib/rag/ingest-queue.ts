import { db } from '../db/database';
import type { IngestJobRecord } from '../db/records';

/**
 * The ingest queue's bookkeeping: which pages need indexing. One job per page,
 * compared by content hash and embedding model, so the same content is never
 * indexed twice and a changed page (or a new model) is indexed again.
 */
export interface QueueSync {
  /** Jobs that were put in the queue. */
  readonly queued: number;
  /** Pages that left the library and must leave the index. */
  readonly removed: readonly string[];
}

/**
 * Brings the queue in line with the library. Cheap at any library size: the
 * pages' ids and hashes come from an index, not from reading their texts.
 * Run on a service worker start, a model change, Resume and Retry; a save or
 * a delete syncs only its own pages (syncIngestPages).
 */
export async function syncIngestQueue(modelId: string | null, now = Date.now()): Promise<QueueSync> {
  // modelId null: index by keywords only (no embedder in this browser, or it failed until Retry).
  const database = db();
  return database.transaction('rw', database.pages, database.ingestJobs, async () => {
    const byHash = database.pages.orderBy('contentHash');
    const [hashes, ids] = await Promise.all([byHash.keys(), byHash.primaryKeys()]);
    const jobs = new Map((await database.ingestJobs.toArray()).map((job) => [job.pageId, job]));
    const toQueue: IngestJobRecord[] = [];
    ids.forEach((pageId, index) => {
      const job = jobs.get(pageId);
      jobs.delete(pageId);
      const queued = jobToQueue(pageId, String(hashes[index]), job, modelId, now);
      if (queued) toQueue.push(queued);
    });
    await database.ingestJobs.bulkPut(toQueue);
    const removed = [...jobs.keys()];
    await database.ingestJobs.bulkDelete(removed);
    return { queued: toQueue.length, removed };
  });
}

/**
 * syncIngestQueue for the listed pages only (those a save, an edit or a
 * delete touched): reads just their records and jobs, so the work per save
 * does not grow with the library.
 */
export async function syncIngestPages(
  pageIds: readonly string[],
  modelId: string | null,
  now = Date.now(),
): Promise<QueueSync> {
  if (pageIds.length === 0) return { queued: 0, removed: [] };
  const database = db();
  return database.transaction('rw', database.pages, database.ingestJobs, async () => {
    const [pages, jobs] = await Promise.all([
      database.pages.bulkGet([...pageIds]),
      database.ingestJobs.bulkGet([...pageIds]),
    ]);
    const toQueue: IngestJobRecord[] = [];
    const removed: string[] = [];
    pageIds.forEach((pageId, index) => {
      const page = pages[index];
      const job = jobs[index];
      if (!page) {
        if (job) removed.push(pageId);
        return;
      }
      const queued = jobToQueue(pageId, page.contentHash, job, modelId, now);
      if (queued) toQueue.push(queued);
    });
    await database.ingestJobs.bulkPut(toQueue);
    await database.ingestJobs.bulkDelete(removed);
    return { queued: toQueue.length, removed };
  });
}

/** The job a page needs queued, or null when its job already covers it. */
function jobToQueue(
  pageId: string,
  contentHash: string,
  job: IngestJobRecord | undefined,
  modelId: string | null,
  now: number,
): IngestJobRecord | null {
  // Same content, and either the same model or no model now (the embedder is unavailable
  // for a while): keep what was indexed rather than wipe good vectors for keywords only.
  if (job && job.contentHash === contentHash && (job.modelId === modelId || modelId === null)) return null;
  // A cancelled job stays cancelled until its page changes or the user asks to index again.
  if (job?.state === 'cancelled' && job.contentHash === contentHash) return null;
  return {
    pageId,
    contentHash,
    ...(job?.indexedHash ? { indexedHash: job.indexedHash } : {}),
    modelId,
    state: 'queued',
    updatedAt: now,
  };
}

/** The next job to run, oldest first. */
export async function nextQueuedJob(): Promise<IngestJobRecord | undefined> {
  return db()
    .ingestJobs.where('state')
    .equals('queued')
    .sortBy('updatedAt')
    .then((jobs) => jobs[0]);
}

/** A fresh service worker runs nothing yet: a job left `indexing` was cut off and goes back in the queue. */
export async function requeueInterruptedJobs(): Promise<number> {
  return db().ingestJobs.where('state').equals('indexing').modify({ state: 'queued' });
}

/** Cancel: queued jobs stop waiting; their pages stay in the library, searchable by keyword. */
export async function cancelQueuedJobs(now = Date.now()): Promise<number> {
  return db().ingestJobs.where('state').anyOf('queued', 'indexing').modify({ state: 'cancelled', updatedAt: now });
}

/** Retry: failed and cancelled jobs go back in the queue. */
export async function requeueStoppedJobs(now = Date.now()): Promise<number> {
  return db()
    .ingestJobs.where('state')
    .anyOf('failed', 'cancelled')
    .modify((job) => {
      job.state = 'queued';
      job.updatedAt = now;
      delete job.error;
    });
}
