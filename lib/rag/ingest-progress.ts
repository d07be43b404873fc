import type { IngestJobRecord } from '../db/records';

/** What the Library bar shows about indexing; counted by `readIngestProgress` (ingest-counts.ts). */
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
