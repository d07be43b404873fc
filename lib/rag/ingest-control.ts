import { storage } from 'wxt/utils/storage';

/** Whether the user paused indexing. Survives restarts: a paused queue stays paused. */
export const ingestPausedItem = storage.defineItem<boolean>('local:ingestPaused', { fallback: false, version: 1 });

/** When the queue last went from empty to busy; "3 of 12" counts from here (lib/rag/ingest-progress.ts). */
export const ingestBatchStartedItem = storage.defineItem<number>('local:ingestBatchStartedAt', {
  fallback: 0,
  version: 1,
});

/** The model whose vectors cover the whole library; a new model's vectors replace it when complete. */
export const indexedModelItem = storage.defineItem<string | null>('local:indexedModel', { fallback: null, version: 1 });
