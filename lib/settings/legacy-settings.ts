import { browser } from 'wxt/browser';
import { z } from 'zod';
import { db } from '../db/database';

/** A value earlier versions kept in `storage.local` (its WXT key), and the setting it becomes (null: dropped). */
export interface LegacySetting {
  readonly from: string;
  readonly to: { readonly key: string; readonly schema: z.ZodType } | null;
}

/** Set once the move is done: from then on `storage.local` is never read for these settings again. */
const movedMarker = 'legacyStorageMoved';

let moving: Promise<void> | undefined;

/**
 * Moves settings saved by versions before 0.3 out of `storage.local` into
 * IndexedDB, once, then erases them there. Each value is parsed with its
 * schema (what a page may have written there is dropped if invalid). After
 * the move, anything written under the old names — only a content script
 * would — is never read, and is erased at each start. Safe to run from
 * several contexts at once: the marker is checked inside the transaction.
 */
export function moveLegacySettings(settings: readonly LegacySetting[]): Promise<void> {
  moving ??= run(settings).catch((error: unknown) => {
    moving = undefined;
    throw error;
  });
  return moving;
}

/** Where versions before 0.2 kept API keys, by profile id. */
const legacyKeys = 'apiKeys';
const legacyKeysSchema = z.record(z.string().max(200), z.string().min(1).max(4096));

async function run(settings: readonly LegacySetting[]): Promise<void> {
  // WXT keeps an item's version under `<key>$`.
  const keys = [...settings.map(({ from }) => from), legacyKeys].flatMap((key) => [key, `${key}$`]);
  if (!(await db().settings.get(movedMarker))) {
    const stored: Record<string, unknown> = await browser.storage.local.get(keys);
    await db().transaction('rw', db().settings, db().secrets, async () => {
      if (await db().settings.get(movedMarker)) return;
      for (const { from, to } of settings) {
        if (!to || !(from in stored) || (await db().settings.get(to.key))) continue;
        const parsed = to.schema.safeParse(stored[from]);
        if (parsed.success) await db().settings.put({ key: to.key, value: parsed.data });
      }
      await moveLegacyKeys(stored[legacyKeys]);
      await db().settings.put({ key: movedMarker, value: Date.now() });
    });
  }
  const leftovers = Object.keys(await browser.storage.local.get(keys));
  if (leftovers.length > 0) await browser.storage.local.remove(leftovers);
}

/** A key already in IndexedDB is newer than its legacy copy; keys are bound to an origin on first use. */
async function moveLegacyKeys(value: unknown): Promise<void> {
  const parsed = legacyKeysSchema.safeParse(value);
  if (!parsed.success) return;
  for (const [profileId, apiKey] of Object.entries(parsed.data)) {
    if (!(await db().secrets.get(profileId))) await db().secrets.put({ profileId, apiKey });
  }
}

/** After Delete everything: the empty database must not take in what a page writes to `storage.local` next. */
export async function markLegacySettingsMoved(): Promise<void> {
  await db().settings.put({ key: movedMarker, value: Date.now() });
}
