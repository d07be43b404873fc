import { browser } from 'wxt/browser';
import { embeddingSettingsItem } from '../settings/secure-settings';
import { embedderStatusItem, idleEmbedderStatus } from './embedder-status';
import { activeEmbeddingModel, usesServer } from './embedding-server';

/**
 * The embedding model new vectors are made with, or null for keyword-only
 * indexing: until the user turns semantic search on (the model is a large
 * download), in a browser without the embedder host (Firefox for now) unless
 * an embeddings server makes the vectors, and while the configured model is
 * failing (host or server unreachable) until they retry.
 */
export async function indexModel(): Promise<string | null> {
  const settings = await embeddingSettingsItem.getValue();
  // An embeddings server needs no offscreen document: it works wherever fetch does.
  if (!browser.offscreen && !usesServer(settings)) return null;
  if (!settings.enabled) return null;
  const modelId = activeEmbeddingModel(settings);
  const status = await embedderStatusItem.getValue();
  return status.state === 'error' && status.modelId === modelId ? null : modelId;
}

/** Retry: forget the embedder's failure, so the next indexing run tries the model again. */
export async function clearEmbedderFailure(): Promise<void> {
  if ((await embedderStatusItem.getValue()).state === 'error') await embedderStatusItem.setValue(idleEmbedderStatus);
}

/** The user asked for the model (options page, or the library bar): index with vectors from now on. */
export async function enableEmbeddings(): Promise<void> {
  const settings = await embeddingSettingsItem.getValue();
  if (!settings.enabled) await embeddingSettingsItem.setValue({ ...settings, enabled: true });
}
