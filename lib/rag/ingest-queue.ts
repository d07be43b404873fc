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
      const contentHash = String(hashes[index]);
      const job = jobs.get(pageId);
      jobs.delete(pageId);
      // Same content, and either the same model or no model now (the embedder is unavailable
      // for a while): keep what was indexed rather than wipe good vectors for keywords only.
      if (job && job.contentHash === contentHash && (job.modelId === modelId || modelId === null)) return;
      // A cancelled job stays cancelled until its page changes or the user asks to index again.
      if (job?.state === 'cancelled' && job.contentHash === contentHash) return;
      toQueue.push({
        pageId,
        contentHash,
        ...(job?.indexedHash ? { indexedHash: job.indexedHash } : {}),
        modelId,
        state: 'queued',
        updatedAt: now,
      });
    });
    await database.ingestJobs.bulkPut(toQueue);
    const removed = [...jobs.keys()];
    await database.ingestJobs.bulkDelete(removed);
    return { queued: toQueue.length, removed };
  });
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
