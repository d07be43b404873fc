import { db } from '../db/database';
import { AsideError } from '../messaging/errors';
import { settingsReady } from './secure-settings';

/**
 * API keys by profile id, each bound to the origin it was saved for. Only the
 * background imports this module: UI pages send a key once when the user
 * saves it and never read it back. Keys live in the extension's own
 * IndexedDB, not in `storage.local`: every content script can read and write
 * `storage.local`, while a content script runs in the page's origin and
 * cannot open the extension's databases. Never synced, never exported, never
 * logged, and never sent to any origin but the one it was saved for.
 */
export interface KeyTarget {
  readonly id: string;
  /** Where the key is about to be sent. */
  readonly baseURL: string;
}

/** The origin a key may go to; null for a URL that is not a web address. */
export function keyOrigin(baseURL: string): string | null {
  try {
    const url = new URL(baseURL);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The key to send to `target.baseURL`, or undefined when none is stored.
 * A key saved for another origin is refused, clearly: it is never sent there.
 * Keys stored before keys had origins are bound to their profile's origin on
 * first use (profiles are out of content scripts' reach since the same version).
 */
export async function getApiKey(target: KeyTarget): Promise<string | undefined> {
  await settingsReady();
  const secret = await db().secrets.get(target.id);
  if (!secret) return undefined;
  const origin = keyOrigin(target.baseURL);
  if (secret.origin === undefined && origin) {
    await db().secrets.update(target.id, { origin });
    return secret.apiKey;
  }
  if (secret.origin !== origin) {
    throw new AsideError(
      'key-origin',
      `The key of this profile was saved for ${secret.origin}; it is not sent to ${origin}.`,
      {
        detail: `${secret.origin} ≠ ${origin ?? target.baseURL}`,
      },
    );
  }
  return secret.apiKey;
}

/** The origin a profile's stored key is bound to, if any (for checks when a profile changes). */
export async function storedKeyOrigin(profileId: string): Promise<string | null | undefined> {
  await settingsReady();
  const secret = await db().secrets.get(profileId);
  return secret ? (secret.origin ?? null) : undefined;
}

/** Stores (or with null removes) a profile's key, bound to the origin of `baseURL`. */
export async function setApiKey(profileId: string, key: string | null, baseURL?: string): Promise<void> {
  await settingsReady();
  if (key === null || key === '') {
    await db().secrets.delete(profileId);
    return;
  }
  const origin = baseURL === undefined ? null : keyOrigin(baseURL);
  if (!origin) throw new AsideError('invalid-message', 'A key is saved only for an http(s) address.');
  await db().secrets.put({ profileId, apiKey: key, origin });
}
