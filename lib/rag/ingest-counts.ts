import { db } from '../db/database';
import type { IngestJobRecord } from '../db/records';
import type { IngestProgress } from './ingest-progress';

const pending = ['queued', 'indexing'];

/**
 * The same figures as the tests' oracle (tests/support/ingest-progress-oracle.ts), counted with the job table's indexes:
 * states are counted, and only the jobs of the current batch and the failed
 * ones are read, so the indexing bar costs the same with 10 or 10,000 pages
 * indexed (it is a live query, run again on every change of a job).
 */
export async function readIngestProgress(batchStartedAt: number): Promise<IngestProgress> {
  const jobs = db().ingestJobs;
  const [waiting, indexedPages, cancelled, failedJobs, touchedInBatch, pendingInBatch] = await Promise.all([
    jobs.where('state').anyOf(pending).count(),
    jobs.where('state').equals('done').count(),
    jobs.where('state').equals('cancelled').count(),
    jobs.where('state').equals('failed').toArray(),
    jobs.where('updatedAt').aboveOrEqual(batchStartedAt).count(),
    jobs
      .where('state')
      .anyOf(pending)
      .filter((job) => job.updatedAt >= batchStartedAt)
      .count(),
  ]);
  const finishedInBatch = touchedInBatch - pendingInBatch;
  let lastError: IngestJobRecord['error'] | null = null;
  let lastErrorAt = -1;
  for (const job of failedJobs) {
    if (job.updatedAt > lastErrorAt) {
      lastErrorAt = job.updatedAt;
      lastError = job.error ?? null;
    }
  }
  const active = waiting > 0;
  return {
    current: active ? finishedInBatch + 1 : finishedInBatch,
    total: finishedInBatch + waiting,
    failed: failedJobs.length,
    cancelled,
    indexedPages,
    active,
    lastError,
  };
}
