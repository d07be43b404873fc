import { Dexie } from 'dexie';
import { db } from '../db/database';
import { embeddingSettingsItem } from '../settings/secure-settings';
import { changedPages } from './changed-pages';
import { clearEmbedderFailure } from './index-model';
import { requeueInterruptedJobs } from './ingest-queue';
import { cancelIngest, kickIngest, pauseIngest, resumeIngest, retryIngest } from './ingest-runner';
import { libraryIndexer } from './page-indexer';

/**
 * Starts the ingest queue in the background: pages cut off by the previous
 * service worker go back in the queue, and any change to the library (a save,
 * an update, a delete, an import, from any code path and any extension page:
 * Dexie's storagemutated event) runs the queue for the pages it touched.
 * Watching the table rather than each write site makes a forgotten call impossible.
 */
export function startIngest(): void {
  void requeueInterruptedJobs()
    .catch((error) => console.warn('[aside] could not requeue interrupted indexing', error))
    .then(() => {
      // The whole library once at start; then each write's own pages, so a save costs the same at any size.
      void kickIngest(libraryIndexer).catch(logIndexingError);
      Dexie.on('storagemutated', (parts) => {
        const changed = changedPages(parts, db().name);
        if (changed) void kickIngest(libraryIndexer, changed).catch(logIndexingError);
      });
      // A new model (or semantic search turned on) re-embeds the library.
      embeddingSettingsItem.watch(() => void kickIngest(libraryIndexer).catch(logIndexingError));
    });
}

export async function controlIngest(action: 'pause' | 'resume' | 'cancel' | 'retry'): Promise<void> {
  if (action === 'pause') await pauseIngest();
  else if (action === 'cancel') await cancelIngest();
  // Resume and Retry answer once the queue is running, not when it is empty.
  else if (action === 'resume') void resumeIngest(libraryIndexer).catch(logIndexingError);
  else {
    await clearEmbedderFailure();
    void retryIngest(libraryIndexer).catch(logIndexingError);
  }
}

/**
 * Runs the queue now: after the embedder answered a test (options page), so a
 * model or server that failed before, and now works, embeds the library.
 */
export function indexAgain(): void {
  void kickIngest(libraryIndexer).catch(logIndexingError);
}

function logIndexingError(error: unknown): void {
  console.warn('[aside] indexing failed', error);
}
