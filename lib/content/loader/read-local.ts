import { browser } from 'wxt/browser';
import { localKeys } from '../../settings/local-keys';

async function readLocal(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

/**
 * Whether the selection toolbar may show on this host, read without its zod
 * item: only a pre-check that spares loading the toolbar where the user
 * turned it off. Anything not plainly "off" says yes, and the toolbar then
 * parses the settings in full (lib/actions/embedded-settings.ts) and decides.
 */
export async function toolbarMayShow(hostname: string): Promise<boolean> {
  const value = await readLocal(localKeys.embedded);
  if (typeof value !== 'object' || value === null) return true;
  const { toolbarEnabled, disabledSites } = value as { toolbarEnabled?: unknown; disabledSites?: unknown };
  return toolbarEnabled !== false && !(Array.isArray(disabledSites) && disabledSites.includes(hostname));
}

/** The auto-save hint (lib/library/auto-save-hint.ts): on only when it is exactly `true`, as its schema reads it. */
export async function autoSaveHinted(): Promise<boolean> {
  return (await readLocal(localKeys.autoSaveHint)) === true;
}
