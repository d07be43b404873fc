import type { IngestJobRecord } from '../../lib/db/records';
import type { IngestProgress } from '../../lib/rag/ingest-progress';

/**
 * The tests' oracle for `readIngestProgress`: what the library shows about
 * indexing, from every job read and counted one by one (the product counts
 * with the job table's indexes instead). A batch is
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
