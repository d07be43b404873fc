import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import { AsideError } from '../messaging/errors';
import { indexedModelItem, ingestBatchStartedItem, ingestPausedItem } from '../settings/secure-settings';
import type { ChangedPages } from './changed-pages';
import {
  cancelQueuedJobs,
  nextQueuedJob,
  type QueueSync,
  requeueStoppedJobs,
  syncIngestPages,
  syncIngestQueue,
} from './ingest-queue';

/** What the queue needs from the index: kept abstract so the queue is tested on its own. */
export interface PageIndexer {
  /** The embedding model new vectors are made with, or null when only keyword search is available. */
  currentModel(): Promise<string | null>;
  /**
   * Indexes the page's chunks, with vectors when `modelId` is set; returns how
   * many. `contentChanged`: the page differs from what was indexed (or is new),
   * so everything it had goes; otherwise only the model changed.
   */
  indexPage(page: PageRecord, modelId: string | null, signal: AbortSignal, contentChanged: boolean): Promise<number>;
  removePages(pageIds: readonly string[]): Promise<void>;
  /** Deletes a retired model's vectors, once every page has vectors of the current one. */
  removeModel(modelId: string): Promise<void>;
}

/**
 * The embedder failing fails every page the same way. The page goes back in the
 * queue and the queue runs again by keywords only (the indexer reports no model
 * while the embedder is in error), so questions work while the user fixes the
 * model host; Retry then adds the vectors.
 */
const embedderFailures: ReadonlySet<string> = new Set([
  'model-unreachable',
  'model-load-failed',
  'embedder-unavailable',
  // An embeddings server (lib/rag/remote-embed-errors.ts) refusing, down or answering wrongly fails every page alike.
  'embed-server-auth',
  'embed-server-not-found',
  'embed-server-rate-limit',
  'embed-server-down',
  'embed-server-dimensions',
  'embed-server-failed',
  'key-origin',
  'local-origin-refused',
]);

let running: Promise<void> | null = null;
let again = false;
let current: AbortController | null = null;
/** Pages changed since the queue was last synced: their ids, or `all`. */
let unsynced: Set<string> | 'all' = new Set();

/**
 * Runs the queue until it is empty, paused or cancelled. One runner at a time;
 * a kick while running makes the runner look again when it finishes, so a page
 * saved mid-run is never missed. `changed`: the pages a save or delete touched
 * (only they are compared with their jobs); by default the whole library.
 */
export function kickIngest(indexer: PageIndexer, changed: ChangedPages = 'all'): Promise<void> {
  markUnsynced(changed);
  if (running) {
    again = true;
    // Queue the new page now, so progress counts it ("3 of 12") while the current page finishes.
    void indexer
      .currentModel()
      .then((modelId) => syncChanged(modelId))
      .then(({ removed }) => (removed.length > 0 ? indexer.removePages(removed) : undefined))
      .catch(() => undefined);
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await drain(indexer);
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

/**
 * Syncs the queue with the pages changed since the last sync (all of them
 * after a start or a model change). A sync that fails (an IndexedDB error)
 * gives its pages back, so the next kick syncs them rather than forgetting
 * them until the next full sync.
 */
async function syncChanged(modelId: string | null): Promise<QueueSync> {
  const changed = unsynced;
  unsynced = new Set();
  try {
    return changed === 'all' ? await syncIngestQueue(modelId) : await syncIngestPages([...changed], modelId);
  } catch (error) {
    markUnsynced(changed);
    throw error;
  }
}

/** Adds pages to those the next sync compares with their jobs. */
function markUnsynced(changed: ChangedPages | ReadonlySet<string>): void {
  if (changed === 'all' || unsynced === 'all') unsynced = 'all';
  else for (const id of changed) unsynced.add(id);
}

/** Pause after the page being indexed; Resume with `kickIngest`. */
export async function pauseIngest(): Promise<void> {
  await ingestPausedItem.setValue(true);
}

export async function resumeIngest(indexer: PageIndexer): Promise<void> {
  await ingestPausedItem.setValue(false);
  await kickIngest(indexer);
}

/** Stops the page being indexed and empties the queue. */
export async function cancelIngest(): Promise<void> {
  await cancelQueuedJobs();
  current?.abort();
}

/** Puts failed and cancelled pages back in the queue and runs it. */
export async function retryIngest(indexer: PageIndexer): Promise<void> {
  await ingestPausedItem.setValue(false);
  await requeueStoppedJobs();
  await kickIngest(indexer);
}

async function drain(indexer: PageIndexer): Promise<void> {
  const modelId = await indexer.currentModel();
  const wasIdle = (await db().ingestJobs.where('state').anyOf('queued', 'indexing').count()) === 0;
  const { removed } = await syncChanged(modelId);
  if (removed.length > 0) await indexer.removePages(removed);
  if (wasIdle && (await nextQueuedJob())) await ingestBatchStartedItem.setValue(Date.now());

  for (;;) {
    if (await ingestPausedItem.getValue()) return;
    const job = await nextQueuedJob();
    if (!job) {
      await retireOldModels(indexer, modelId);
      return;
    }
    const page = await db().pages.get(job.pageId);
    if (!page) {
      await db().ingestJobs.delete(job.pageId);
      continue;
    }
    await db().ingestJobs.update(job.pageId, { state: 'indexing', updatedAt: Date.now() });
    current = new AbortController();
    try {
      const contentChanged = job.indexedHash !== page.contentHash;
      const chunks = await indexer.indexPage(page, modelId, current.signal, contentChanged);
      // Cancelled while indexing: the job already says so; what was written stays consistent.
      if (current.signal.aborted) continue;
      await db().ingestJobs.update(job.pageId, {
        state: 'done',
        chunks,
        contentHash: page.contentHash,
        indexedHash: page.contentHash,
        modelId,
        updatedAt: Date.now(),
      });
    } catch (thrown) {
      if (current.signal.aborted) continue;
      const error = AsideError.from(thrown);
      if (embedderFailures.has(error.code) && modelId !== null) {
        await db().ingestJobs.update(job.pageId, { state: 'queued', modelId: null, updatedAt: Date.now() });
        unsynced = 'all';
        again = true;
        return;
      }
      await db().ingestJobs.update(job.pageId, { state: 'failed', error: error.toJSON(), updatedAt: Date.now() });
      // A full disk fails every page too: stop until the user makes room and retries.
      if (error.code === 'quota-exceeded') return;
    } finally {
      current = null;
    }
  }
}

/**
 * Once every page has vectors of the current model, the vectors of the model
 * it replaced are deleted; until then they stay (the index keeps each model's
 * vectors apart).
 */
async function retireOldModels(indexer: PageIndexer, modelId: string | null): Promise<void> {
  if (modelId === null) return;
  // The steady state (no model change under way) reads no job: the check below reads them all.
  const previous = await indexedModelItem.getValue();
  if (previous === modelId) return;
  const jobs = await db().ingestJobs.toArray();
  // Pages that failed or were cancelled are not waited for: they are keyword-only until retried.
  const pending = (job: (typeof jobs)[number]) => job.state === 'queued' || job.state === 'indexing';
  if (jobs.some((job) => pending(job) || (job.state === 'done' && job.modelId !== modelId))) return;
  if (previous) await indexer.removeModel(previous);
  await indexedModelItem.setValue(modelId);
}
