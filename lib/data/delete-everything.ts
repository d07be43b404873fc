import { browser } from 'wxt/browser';
import { db } from '../db/database';
import { closeRagIndexes } from '../rag/index-cache';
import { markLegacySettingsMoved } from '../settings/legacy-settings';

/**
 * Deletes everything Aside stores about the user: the IndexedDB database
 * (chats, and later pages, vectors, runs) and every storage area (settings,
 * profiles, API keys). Background only.
 */
export async function deleteEverything(): Promise<void> {
  // disableAutoOpen: false lets Aside keep working afterwards, on an empty database.
  await db().delete({ disableAutoOpen: false });
  // The background's in-memory RAG indexes would otherwise keep answering from deleted chunks.
  closeRagIndexes();
  await browser.storage.local.clear();
  await browser.storage.sync?.clear();
  await browser.storage.session?.clear();
  await markLegacySettingsMoved();
}
