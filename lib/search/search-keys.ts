import { db } from '../db/database';
import { AsideError } from '../messaging/errors';
import { getApiKey, setApiKey } from '../settings/api-keys';
import { webSearchSettingsItem } from '../settings/secure-settings';
import { type ApiEngineId, apiEngines } from './engines';

/**
 * Search engines' API keys, kept like provider keys (lib/settings/api-keys.ts):
 * in the extension's IndexedDB, read only by the background, and bound to the
 * origin of the endpoint they were saved for: a key never follows an engine's
 * address to another origin. Background only.
 */
const keyId = (engine: ApiEngineId) => `search:${engine}`;

/** The endpoint an engine's requests go to under the current settings (its documented one by default). */
async function endpointOf(engine: ApiEngineId): Promise<string | null> {
  const settings = await webSearchSettingsItem.getValue();
  return settings.endpoints[engine] ?? apiEngines[engine].endpoint;
}

/** The key to send to `endpoint`; throws `key-origin` when it was saved for another origin. */
export function searchKey(engine: ApiEngineId, endpoint: string): Promise<string | undefined> {
  return getApiKey({ id: keyId(engine), baseURL: endpoint });
}

/** Stores (or with null removes) an engine's key, bound to the origin of its current endpoint. */
export async function saveSearchKey(engine: ApiEngineId, key: string | null): Promise<void> {
  if (key === null || key === '') return setApiKey(keyId(engine), null);
  const endpoint = await endpointOf(engine);
  // A key is bound to the address it will go to: there must be one.
  if (!endpoint) {
    const name = apiEngines[engine].name;
    throw new AsideError('search-not-set-up', `${name} has no address yet.`, { params: { engine: name } });
  }
  await setApiKey(keyId(engine), key, endpoint);
}

/** Which engines have a stored key, and the origin each is bound to (the options page shows it). */
export async function searchKeyOrigins(): Promise<Partial<Record<ApiEngineId, string>>> {
  const origins: Partial<Record<ApiEngineId, string>> = {};
  for (const engine of Object.keys(apiEngines) as ApiEngineId[]) {
    const secret = await db().secrets.get(keyId(engine));
    if (secret?.origin) origins[engine] = secret.origin;
  }
  return origins;
}
