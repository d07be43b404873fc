import { type AsideBrowser, openExtensionPage } from './extension';
import type { ExtensionGlobal } from './extension-global';
import { evaluateInExtension } from './in-extension';

/**
 * Reads Aside's IndexedDB with the raw IndexedDB API, from the running
 * service worker or an extension page (in-extension.ts: also after the worker
 * was stopped or replaced): what the extension stored, for tests to check.
 * Never written through here.
 */
export function readTable(aside: AsideBrowser, table: string): Promise<unknown[]> {
  return evaluateInExtension(
    aside,
    (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('aside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(name)) {
            database.close();
            resolve([]);
            return;
          }
          const all = database.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            database.close();
            resolve(all.result as unknown[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    table,
  );
}

/** One of Aside's IndexedDB settings (lib/settings/secure-settings.ts), or null when absent. */
export async function readSetting(aside: AsideBrowser, key: string): Promise<unknown> {
  const rows = (await readTable(aside, 'settings')) as { key: string; value: unknown }[];
  return rows.find((row) => row.key === key)?.value ?? null;
}

/**
 * Writes one of Aside's IndexedDB settings the way its own pages do: the
 * `settings.set` request from an extension page, which the background
 * parses with the setting's schema, stores, and tells its watchers about.
 */
export async function writeSetting(aside: AsideBrowser, key: string, value: unknown): Promise<void> {
  const page = await openExtensionPage(aside, 'options.html');
  try {
    const reply = (await page.evaluate(
      (payload) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(payload),
      { aside: 1, type: 'settings.set', payload: { key, value } },
    )) as { ok: boolean; error?: unknown };
    if (!reply.ok) throw new Error(`settings.set ${key} failed: ${JSON.stringify(reply.error)}`);
  } finally {
    await page.close();
  }
}
