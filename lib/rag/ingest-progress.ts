import type { IngestJobRecord } from '../db/records';

export interface IngestProgress {
  /** The page being indexed now, counted from 1 within the current batch ("3 of 12"). */
  readonly current: number;
  readonly total: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly indexedPages: number;
  readonly active: boolean;
  /** The most recent failure, to show with a Retry button. */
  readonly lastError: IngestJobRecord['error'] | null;
}

/**
 * What the library shows about indexing, from the jobs alone. A batch is
 * everything queued since the queue was last empty (`batchStartedAt`), so the
 * count reads "3 of 12" rather than "3 of every page ever indexed".
 */
export function ingestProgress(jobs: readonly IngestJobRecord[], batchStartedAt: number): IngestProgress {
  let pending = 0;
  let finishedInBatch = 0;
  let failed = 0;
  let cancelled = 0;
  let indexedPages = 0;
  let lastError: IngestJobRecord['error'] | null = null;
  let lastErrorAt = -1;
  for (const job of jobs) {
    if (job.state === 'queued' || job.state === 'indexing') pending++;
    else if (job.updatedAt >= batchStartedAt) finishedInBatch++;
    if (job.state === 'done') indexedPages++;
    if (job.state === 'cancelled') cancelled++;
    if (job.state === 'failed') {
      failed++;
      if (job.updatedAt > lastErrorAt) {
        lastErrorAt = job.updatedAt;
        lastError = job.error ?? null;
      }
    }
  }
  const active = pending > 0;
  return {
    current: active ? finishedInBatch + 1 : finishedInBatch,
    total: finishedInBatch + pending,
    failed,
    cancelled,
    indexedPages,
    active,
    lastError,
  };
}
