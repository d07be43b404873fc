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

/**
 * Test setup only: writes one setting row the way Aside stores it, with the
 * raw IndexedDB API from the service worker (null deletes it). Aside reads
 * settings fresh where these tests need them; watchers are not notified.
 */
export function writeSetting(aside: AsideBrowser, key: string, value: unknown): Promise<void> {
  return aside.serviceWorker.evaluate(
    ({ settingKey, settingValue }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('aside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const store = database.transaction('settings', 'readwrite').objectStore('settings');
          const write =
            settingValue === null ? store.delete(settingKey) : store.put({ key: settingKey, value: settingValue });
          write.onsuccess = () => {
            database.close();
            resolve();
          };
          write.onerror = () => reject(write.error);
        };
      }),
    { settingKey: key, settingValue: value },
  );
}
