import { db } from '../db/database';
import { AsideError } from '../messaging/errors';
import { getApiKey, setApiKey } from '../settings/api-keys';
import { embeddingSettingsItem } from '../settings/secure-settings';

/** The embeddings server's key, and the rerank server's. */
export type ServerKeyKind = 'embedding' | 'rerank';

/**
 * Keys of the embeddings and rerank servers, kept like provider keys
 * (lib/settings/api-keys.ts): in the extension's IndexedDB, read only by the
 * background, bound to the origin of the address they were saved for, never
 * sent anywhere else. Background only.
 */
const keyId = (kind: ServerKeyKind) => `${kind}:server`;

/** The address the kind's requests go to under the current settings, or null when none is set. */
async function addressOf(kind: ServerKeyKind): Promise<string | null> {
  const settings = await embeddingSettingsItem.getValue();
  const url = kind === 'embedding' ? settings.server?.baseURL : settings.rerank?.url;
  return url?.trim() ? url.trim() : null;
}

/** The key to send to `url`; throws `key-origin` when it was saved for another origin. */
export function serverKey(kind: ServerKeyKind, url: string): Promise<string | undefined> {
  return getApiKey({ id: keyId(kind), baseURL: url });
}

/** Stores (or with null removes) a server's key, bound to the origin of its current address. */
export async function saveServerKey(kind: ServerKeyKind, key: string | null): Promise<void> {
  if (key === null || key === '') return setApiKey(keyId(kind), null);
  const address = await addressOf(kind);
  if (!address) throw new AsideError('invalid-message', 'Enter the server address before its key.');
  await setApiKey(keyId(kind), key, address);
}

/** The origin each stored server key is bound to (the options page shows it; never the key). */
export async function serverKeyOrigins(): Promise<Partial<Record<ServerKeyKind, string>>> {
  const origins: Partial<Record<ServerKeyKind, string>> = {};
  for (const kind of ['embedding', 'rerank'] as const) {
    const secret = await db().secrets.get(keyId(kind));
    if (secret?.origin) origins[kind] = secret.origin;
  }
  return origins;
}
