import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text, toolCalls } from '../support/openai-server';
import { agentRequests, enableAgentMode, giveGoal } from './support/agent';
import { openExtensionPage } from './support/extension';
import { type Session, startSession } from './support/session';
import { mountSmallDisk, type SmallDisk } from './support/small-disk';

/**
 * A full disk, for real: the browser profile sits on a small RAM disk, so
 * Chromium's storage quota for Aside is small, and other data fills it.
 */
describe('a full disk', () => {
  let disk: SmallDisk | undefined;
  let s: Session;
  beforeAll(async () => {
    disk = mountSmallDisk(96);
    s = await startSession({ profileParent: disk.dir });
    await s.panel.getByRole('tab', { name: 'Library' }).click();
  });
  afterAll(async () => {
    await s?.close();
    disk?.remove();
  });

  it('reports the save that does not fit, in words, and harms nothing already saved', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe('saved');

    // Something else of the extension's fills what is left of its quota (a scratch database): 1 MB rows, then
    // 64 KB, then 4 KB ones, so what is left is smaller than any page (a bigger gap let a page fit, now and then).
    const options = await openExtensionPage(s.aside, 'options.html');
    const filled = await options.evaluate(async () => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('filler', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('rows');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const put = (key: string, size: number) =>
        new Promise<string | null>((resolve) => {
          const tx = database.transaction('rows', 'readwrite');
          const row = new Uint8Array(size);
          for (let i = 0; i < size; i += 1 << 16)
            row.set(crypto.getRandomValues(new Uint8Array(Math.min(1 << 16, size - i))), i);
          tx.objectStore('rows').put(row.buffer, key);
          tx.oncomplete = () => resolve(null);
          tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
        });
      let error: string | null = null;
      let rows = 0;
      for (const size of [1 << 20, 1 << 16, 1 << 12]) {
        for (let row = 0; row < 400; row++) {
          error = await put(`${size}-${row}`, size);
          if (error) break;
          rows++;
        }
        if (error !== 'QuotaExceededError') break;
      }
      return { rows, error };
    });
    expect(filled.error).toBe('QuotaExceededError');

    await s.show(s.pages.longArticleUrl(3000));
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    const alert = s.panel.locator('.save-page').getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code')).toBe('quota-exceeded');
    expect(await alert.innerText()).toContain('no more room');

    // What was saved before is whole.
    const items = s.panel.getByTestId('library-item');
    expect(await items.allInnerTexts()).toEqual([expect.stringContaining('Mozilla - Wikipedia')]);
    await items.first().getByRole('button', { name: 'View' }).click();
    await expect.poll(() => s.panel.getByTestId('page-reader').innerText()).toContain('Mozilla Foundation');
  });

  it('ends an agent run that can no longer store its steps with the quota message, instead of running on', async () => {
    // Room again: the other data of the test above goes.
    const options = await openExtensionPage(s.aside, 'options.html');
    await options.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase('filler');
          request.onsuccess = resolve;
          request.onerror = () => reject(request.error);
        }),
    );
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await enableAgentMode(s.panel);
    // The run starts while there is room, and waits for the user's answer…
    s.llm.enqueue(
      toolCalls([{ name: 'ask_user', arguments: '{"question":"Which city?"}' }]),
      text('A final answer nobody could store.'),
    );
    await giveGoal(s.panel, 'A run on a full disk');
    const question = s.panel.getByTestId('agent-ask');
    await expect.poll(() => question.innerText()).toContain('Which city?');
    // …while something else takes the quota to its last bytes.
    expect(await fillToTheBrim(options)).toBe('QuotaExceededError');
    await options.close();
    const before = agentRequests(s.llm).length;
    await question.getByRole('textbox').fill('Paris');
    await question.getByRole('textbox').press('Enter');

    const run = s.panel.getByTestId('agent-run');
    await expect.poll(() => run.getAttribute('data-status'), { timeout: 30_000 }).toBe('error');
    const alert = run.getByRole('alert');
    expect(await alert.getAttribute('data-error-code')).toBe('quota-exceeded');
    expect(await alert.innerText()).toContain('no more room');
    expect(await s.panel.getByTestId('agent-final').count()).toBe(0);
    // At most the request already on its way when the write failed; the run did not go on to its answer.
    expect(agentRequests(s.llm).length - before).toBeLessThanOrEqual(1);
  });
});

/** Fills what is left of the extension's quota with ever smaller rows, until even a small one does not fit. */
function fillToTheBrim(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('brim', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('rows');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    let last: string | null = null;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8]) {
      for (let row = 0; row < 10_000; row++) {
        last = await new Promise<string | null>((resolve) => {
          const tx = database.transaction('rows', 'readwrite');
          const bytes = new Uint8Array(size);
          for (let i = 0; i < size; i += 1 << 16)
            bytes.set(crypto.getRandomValues(new Uint8Array(Math.min(1 << 16, size - i))), i);
          tx.objectStore('rows').put(bytes.buffer, `${size}-${row}`);
          tx.oncomplete = () => resolve(null);
          tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
        });
        if (last) break;
      }
    }
    database.close();
    return last;
  });
}
