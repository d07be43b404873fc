import type { AsideBrowser } from './extension';

/**
 * Reads Aside's IndexedDB from its service worker with the raw IndexedDB API:
 * what the extension stored, for tests to check. Never written through here.
 */
export function readTable(aside: AsideBrowser, table: string): Promise<unknown[]> {
  return aside.serviceWorker.evaluate(
    (name) =>
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
