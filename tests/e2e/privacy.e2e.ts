import fs from 'node:fs';
import type { ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { error, text } from '../support/openai-server';
import { evaluateInContentScript } from './support/content-script';
import { allowDownloads, waitForDownload } from './support/downloads';
import { openExtensionPage } from './support/extension';
import type { ExtensionGlobal } from './support/extension-global';
import { ask, type Session, startSession } from './support/session';

const key = 'sk-aside-secret-0123456789';

/** What Aside keeps, where, and that the user can delete all of it. */
describe('privacy and data controls', () => {
  let s: Session;
  const logged: string[] = [];
  beforeAll(async () => {
    s = await startSession({ apiKey: key });
    const record = (message: ConsoleMessage) => logged.push(message.text());
    s.aside.serviceWorker.on('console', record);
    s.panel.on('console', record);
  });
  afterAll(() => s?.close());

  it('keeps the API key out of storage.sync, the UI pages and every log', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    s.llm.enqueue(error(401), text('Fine now.'));
    await ask(s.panel, 'First try');
    await expect.poll(() => s.panel.getByRole('alert').last().getAttribute('data-error-code')).toBe('auth');
    await s.panel.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('Fine now.');
    // It did reach the provider…
    expect(s.llm.requests.at(-1)?.headers.authorization).toBe(`Bearer ${key}`);
    // …and nowhere else.
    const sync = await s.aside.serviceWorker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.get(null),
    );
    expect(sync).toEqual({});
    expect(await s.panel.content()).not.toContain(key);
    const options = await openExtensionPage(s.aside, 'options.html');
    await options.getByTestId('profile-row').first().getByRole('button', { name: 'Edit' }).click();
    expect(await options.content()).not.toContain(key);
    expect(await options.getByLabel('API key').inputValue()).toBe('');
    await options.close();
    expect(logged.filter((line) => line.includes(key))).toEqual([]);

    // A library export carries pages, never keys.
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => s.panel.getByTestId('library-item').count()).toBe(1);
    const folder = await allowDownloads(s.aside);
    await s.panel.getByRole('button', { name: 'Export' }).click();
    const exported = fs.readFileSync(await waitForDownload(folder, /^aside-library-.*\.json$/), 'utf8');
    expect(exported).toContain('Mozilla');
    expect(exported).not.toContain(key);
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
  });

  it('leaves the API key out of reach of content scripts', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    // Everything Aside's own content script can read, evaluated in its isolated world.
    const reachable = await evaluateInContentScript(
      s.tab,
      s.aside.extensionId,
      `Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null)]).then((areas) => JSON.stringify(areas))`,
    );
    expect(reachable).toContain('autoSaveHint'); // it did read storage…
    expect(reachable).not.toContain(key); // …and the key is not there,
    expect(reachable).not.toContain(s.llm.origin); // nor the profile that says where prompts go (IndexedDB)
  });

  it('shows what is stored and deletes everything, leaving nothing of the user behind', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    const stored = options.getByTestId('stored-data');
    await expect.poll(() => stored.innerText()).toMatch(/Chats\s+1\b/);
    await expect.poll(() => stored.innerText()).toMatch(/Saved pages\s+1\b/);
    await expect.poll(() => stored.innerText()).toMatch(/Messages\s+[2-9]/);
    await expect.poll(() => stored.innerText()).toMatch(/Provider profiles \(with their keys\)\s+1\b/);

    await options.getByRole('button', { name: 'Delete everything…' }).click();
    await options.getByRole('alertdialog').getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => options.getByTestId('stored-data').innerText()).toMatch(/Chats\s+0\b/);

    const local = await s.aside.serviceWorker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(null),
    );
    expect(local).toEqual({});
    const records = await options.evaluate(async () => {
      const request = indexedDB.open('aside');
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores = [...database.objectStoreNames];
      // The one row left is not the user's: the mark that settings of older versions were moved (a timestamp).
      const counts = await Promise.all(
        stores.map(
          (store) =>
            new Promise<number>((resolve) => {
              const all = database.transaction(store).objectStore(store).getAll();
              all.onsuccess = () =>
                resolve(all.result.filter((row: { key?: unknown }) => row.key !== 'legacyStorageMoved').length);
            }),
        ),
      );
      database.close();
      return counts.reduce((sum, count) => sum + count, 0);
    });
    expect(records).toBe(0);
    // The side panel is back to first-run: no provider.
    await expect.poll(() => s.panel.getByText('Set up a provider to start chatting.').count()).toBe(1);
  });
});
