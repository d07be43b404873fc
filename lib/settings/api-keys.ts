import { storage } from 'wxt/utils/storage';
import { db } from '../db/database';

/**
 * API keys by profile id. Only the background imports this module: UI pages
 * send a key once when the user saves it and never read it back. Keys live in
 * the extension's own IndexedDB, not in `storage.local`: in Chromium and
 * Firefox every content script can read `storage.local` (only `storage.session`
 * can be limited to extension pages, and it is forgotten on restart), while a
 * content script runs in the page's origin and cannot open the extension's
 * databases. Never synced, never exported, never logged.
 */
export async function getApiKey(profileId: string): Promise<string | undefined> {
  await moveKeysOutOfStorage();
  return (await db().secrets.get(profileId))?.apiKey;
}

export async function setApiKey(profileId: string, key: string | null): Promise<void> {
  await moveKeysOutOfStorage();
  if (key === null || key === '') await db().secrets.delete(profileId);
  else await db().secrets.put({ profileId, apiKey: key });
}

/** Where versions before 0.2 kept keys. */
const legacyKeysItem = storage.defineItem<Record<string, string>>('local:apiKeys', { fallback: {}, version: 1 });

let moved: Promise<void> | undefined;

/** Moves keys saved by an earlier version into IndexedDB, once per worker, then erases them from storage. */
function moveKeysOutOfStorage(): Promise<void> {
  moved ??= (async () => {
    const legacy = await legacyKeysItem.getValue();
    const entries = Object.entries(legacy);
    if (entries.length === 0) return;
    const known = new Set(await db().secrets.toCollection().primaryKeys());
    // A key already in IndexedDB is newer than its legacy copy.
    await db().secrets.bulkPut(
      entries.filter(([profileId]) => !known.has(profileId)).map(([profileId, apiKey]) => ({ profileId, apiKey })),
    );
    await legacyKeysItem.removeValue();
  })().catch((error) => {
    moved = undefined;
    throw error;
  });
  return moved;
}
