import { storage } from 'wxt/utils/storage';

/**
 * API keys by profile id. Only the background imports this module: UI pages
 * send a key once when the user saves it and never read it back. It is kept in
 * `storage.local` (never synced) and never included in exports or logs.
 */
const apiKeysItem = storage.defineItem<Record<string, string>>('local:apiKeys', { fallback: {}, version: 1 });

export async function getApiKey(profileId: string): Promise<string | undefined> {
  return (await apiKeysItem.getValue())[profileId];
}

export async function setApiKey(profileId: string, key: string | null): Promise<void> {
  const keys = { ...(await apiKeysItem.getValue()) };
  if (key === null || key === '') delete keys[profileId];
  else keys[profileId] = key;
  await apiKeysItem.setValue(keys);
}
