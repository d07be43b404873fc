import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSetting, readTable } from './support/aside-db';
import { type AsideBrowser, openExtensionPage } from './support/extension';
import { allowInIncognito } from './support/incognito';
import { currentServiceWorker } from './support/service-worker';
import { type Session, startSession } from './support/session';

/** Automatic saving: off by default; when on, it saves what the user reads, except where it must not. */
describe('automatic saving', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    // The same page server under a second host name, to have a site to deny.
    s.aside.audit.allow(s.pages.origin.replace('127.0.0.1', 'localhost'));
    await s.panel.getByRole('tab', { name: 'Library' }).click();
  });
  afterAll(() => s?.close());

  const titles = () => s.panel.getByTestId('library-item').allInnerTexts();
  /** Reads a page in the foreground long enough to be offered for saving. */
  const read = async (url: string) => {
    await s.show(url);
    await new Promise((resolve) => setTimeout(resolve, 2500));
  };

  it('saves nothing while it is off (the default)', async () => {
    await read(s.pages.longArticleUrl(20));
    expect(await titles()).toEqual([]);
  });

  it('saves pages read long enough, but not on private sites or pages with a password field', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    await options.getByLabel('Minimum reading time before saving').fill('1');
    await options.getByLabel('Private sites, never saved (one per line)').fill('localhost');
    await options.getByLabel('Minimum reading time before saving').focus(); // blur the list: it is stored
    await options.getByLabel('Save the pages I read into the library automatically').check();
    // Stored (through the background) before the page goes.
    await expect
      .poll(async () => ((await readSetting(s.aside, 'autoSave')) as { enabled?: boolean } | null)?.enabled)
      .toBe(true);
    await options.close();

    await read(s.pages.corpusUrl('qq').replace('127.0.0.1', 'localhost')); // a private site
    await read(s.pages.fixtureUrl('login.html')); // has a password field
    await read(s.pages.corpusUrl('wikipedia')); // fine
    // The allowed page arriving proves the earlier offers were made and refused.
    await expect.poll(() => titles()).toEqual([expect.stringContaining('Mozilla - Wikipedia')]);
  });
});

interface TabsApi {
  chrome: {
    windows: { create(options: { incognito: boolean; url: string }): Promise<{ id: number }> };
    tabs: {
      query(query: { windowId?: number; url?: string }): Promise<{ id: number; incognito: boolean; status?: string }[]>;
      create(options: { url: string; active: boolean }): Promise<{ id: number }>;
      sendMessage(tabId: number, message: unknown): Promise<{ ok: boolean; value?: { title: string } }>;
    };
  };
}

/** Saved pages' URLs. */
async function savedUrls(aside: AsideBrowser): Promise<string[]> {
  return ((await readTable(aside, 'pages')) as { url: string }[]).map((record) => record.url);
}

/** Incognito: Aside may run there (the user allowed it), and still never saves what is read there. */
describe('automatic saving in incognito windows', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    await allowInIncognito(s.aside);
  });
  afterAll(() => s?.close());

  it('never saves a page read in an incognito window, though it saves the same page read in a normal one', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    await options.getByLabel('Minimum reading time before saving').fill('1');
    await options.getByLabel('Save the pages I read into the library automatically').check();
    // Stored (through the background) before the incognito window opens: else "not saved" would prove nothing.
    // Read by the service worker running now: allowing incognito replaced the one the browser started with.
    const autoSave = async () => ((await readSetting(s.aside, 'autoSave')) as { enabled?: boolean } | null)?.enabled;
    await expect.poll(autoSave).toBe(true);
    const url = s.pages.corpusUrl('wikipedia');

    // From the background: tab requests are accepted from it alone (lib/messaging/protocol.ts).
    const worker = await currentServiceWorker(s.aside);
    const incognito = await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as TabsApi;
      const window = await chrome.windows.create({ incognito: true, url });
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // Aside's content script runs there and reads the page: only the incognito rule can stop the save.
      // Asked once the page has loaded, until the script answers (on a loaded machine that takes seconds).
      for (let waited = 0; waited < 30_000; waited += 100) {
        const [tab] = await chrome.tabs.query({ windowId: window.id });
        const capture =
          tab?.status === 'complete'
            ? await chrome.tabs.sendMessage(tab.id, { aside: 1, type: 'page.capture', payload: {} }).catch(() => null)
            : null;
        if (tab && capture?.ok) {
          // Then read well past the minimum reading time (1 s), as in a normal window below.
          await sleep(2500);
          return { incognito: tab.incognito, title: capture.value?.title };
        }
        await sleep(100);
      }
      throw new Error('the incognito tab never answered');
    }, url);
    expect(incognito).toEqual({ incognito: true, title: 'Mozilla - Wikipedia' });
    expect(await savedUrls(s.aside)).toEqual([]);

    await options.evaluate(async (url) => {
      await (globalThis as unknown as TabsApi).chrome.tabs.create({ url, active: true });
    }, url);
    await expect.poll(() => savedUrls(s.aside)).toEqual([url]);
  });
});
