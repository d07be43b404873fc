import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowDownloads, waitForDownload } from './support/downloads';
import { launchAside, openSidePanel } from './support/extension';
import type { ExtensionGlobal } from './support/extension-global';
import { type Session, startSession } from './support/session';

/** The library: save pages from the panel, find them in English and Chinese, delete and undo, export and import. */
describe('library', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    // The same page server under a second host name, so the saved pages belong to two sites.
    s.aside.audit.allow(s.pages.origin.replace('127.0.0.1', 'localhost'));
    await s.panel.getByRole('tab', { name: 'Library' }).click();
  });
  afterAll(() => s?.close());

  const items = () => s.panel.getByTestId('library-item');
  const save = async (expected: 'saved' | 'updated' | 'unchanged') => {
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe(expected);
  };

  it('saves the current page, and saving again updates it only when it changed', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await save('saved');
    await expect.poll(() => items().count()).toBe(1);
    const item = await items().first().innerText();
    expect(item).toContain('Mozilla - Wikipedia');
    expect(item).toMatch(/\d[\d,]* words/);

    await save('unchanged');
    await s.tab.evaluate(`document.querySelector('p').append(' A sentence added later.')`);
    await save('updated');
    expect(await items().count()).toBe(1);

    await items().first().getByRole('button', { name: 'View' }).click();
    await expect.poll(() => s.panel.getByTestId('page-reader').innerText()).toContain('A sentence added later.');
    await s.panel.getByTestId('page-reader').getByRole('button', { name: 'Close' }).click();
  });

  it('finds a Chinese page by a Chinese word and an English page whatever the case', async () => {
    await s.show(s.pages.corpusUrl('qq').replace('127.0.0.1', 'localhost'));
    await save('saved');
    await expect.poll(() => items().count()).toBe(2);
    const search = s.panel.getByRole('searchbox', { name: 'Search saved pages' });

    await search.fill('人工智能');
    await expect.poll(() => items().allInnerTexts()).toEqual([expect.stringContaining('DeepMind')]);
    await search.fill('MOZILLA foundation');
    await expect.poll(() => items().allInnerTexts()).toEqual([expect.stringContaining('Mozilla - Wikipedia')]);
    await search.fill('nonexistentword');
    await expect.poll(() => items().count()).toBe(0);
    await search.fill('');
    await expect.poll(() => items().count()).toBe(2);
  });

  it('saves a selection as a clip with its headings, attached to its page', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await s.tab.evaluate(`(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent.includes('Mozilla Foundation'));
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await s.panel.getByRole('button', { name: 'Save selection' }).click();
    await expect.poll(() => s.panel.getByTestId('clip-outcome').count()).toBe(1);
    await items().filter({ hasText: 'Mozilla - Wikipedia' }).getByRole('button', { name: 'View' }).click();
    const clips = s.panel.getByTestId('page-reader').getByTestId('clips');
    await expect.poll(() => clips.innerText()).toContain('Mozilla Foundation');
    await s.panel.getByTestId('page-reader').getByRole('button', { name: 'Close' }).click();
  });

  it('saves the page from the context-menu handler and says so on the toolbar badge', async () => {
    await s.show(s.pages.longArticleUrl(12));
    const tabId = await s.aside.serviceWorker.evaluate(async (url) => {
      const [tab] = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({ url });
      return tab?.id;
    }, s.pages.longArticleUrl(12));
    await s.aside.serviceWorker.evaluate(
      (id) =>
        (
          globalThis as unknown as { asideOnSaveMenuClicked: (info: unknown, tab: unknown) => Promise<void> }
        ).asideOnSaveMenuClicked({ menuItemId: 'aside-save-page' }, { id }),
      tabId,
    );
    await expect.poll(() => items().allInnerTexts()).toContainEqual(expect.stringContaining('A very long article'));
    const badge = await s.aside.serviceWorker.evaluate(
      (id) => (globalThis as unknown as ExtensionGlobal).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe('✓');
    await items().filter({ hasText: 'A very long article' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => items().count()).toBe(2);
  });

  it('tags pages and filters by tag and by site', async () => {
    const wikipedia = items().filter({ hasText: 'Mozilla - Wikipedia' });
    await wikipedia.getByRole('button', { name: '+ tags' }).click();
    await s.panel.getByRole('textbox', { name: 'Tags' }).fill('mozilla, 开源');
    await s.panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => wikipedia.innerText()).toContain('开源');

    await s.panel.getByRole('combobox', { name: 'Tag' }).selectOption('开源');
    await expect.poll(() => items().allInnerTexts()).toEqual([expect.stringContaining('Mozilla - Wikipedia')]);
    await s.panel.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await expect.poll(() => items().count()).toBe(2);

    // A page is filed under the address it was read from (its canonical link to en.wikipedia.org is another origin).
    await s.panel.getByRole('combobox', { name: 'Site' }).selectOption('127.0.0.1');
    await expect.poll(() => items().allInnerTexts()).toEqual([expect.stringContaining('Mozilla - Wikipedia')]);
    await s.panel.getByRole('combobox', { name: 'Site' }).selectOption('');
    await expect.poll(() => items().count()).toBe(2);
  });

  it('deletes a page and brings it back with Undo', async () => {
    await items().filter({ hasText: 'Mozilla' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => items().count()).toBe(1);
    await s.panel.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => items().count()).toBe(2);

    // Bulk: select both, delete both, undo both.
    for (const checkbox of await items().getByRole('checkbox').all()) await checkbox.check();
    await s.panel.getByRole('button', { name: 'Delete selected (2)' }).click();
    await expect.poll(() => items().count()).toBe(0);
    await s.panel.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => items().count()).toBe(2);
  });

  it('exports the library and imports it into a fresh profile without losing anything', async () => {
    const folder = await allowDownloads(s.aside);
    await s.panel.getByRole('button', { name: 'Export' }).click();
    const file = await waitForDownload(folder, /^aside-library-.*\.json$/);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; pages: { url: string }[] };
    expect(exported.format).toBe('aside-library');
    expect(exported.pages).toHaveLength(2);

    const fresh = await launchAside();
    try {
      const panel = await openSidePanel(fresh);
      await panel.getByRole('tab', { name: 'Library' }).click();
      await panel.getByTestId('import-file').setInputFiles(file);
      await expect
        .poll(() => panel.getByTestId('import-result').innerText())
        .toContain('2 added, 0 updated, 0 unchanged');
      await expect.poll(() => panel.getByTestId('library-item').count()).toBe(2);

      // Export again from the fresh profile: the same pages, field for field.
      const again = await allowDownloads(fresh);
      await panel.getByRole('button', { name: 'Export' }).click();
      const roundTrip = JSON.parse(
        fs.readFileSync(await waitForDownload(again, /^aside-library-.*\.json$/), 'utf8'),
      ) as {
        pages: unknown[];
      };
      expect(roundTrip.pages).toEqual(exported.pages);

      // Importing the same file again changes nothing.
      await panel.getByTestId('import-file').setInputFiles(file);
      await expect
        .poll(() => panel.getByTestId('import-result').innerText())
        .toContain('0 added, 0 updated, 2 unchanged');
    } finally {
      await fresh.close();
    }
  });

  it('shows a large library a page of results at a time, with Show more', async () => {
    // 120 more pages, as a library brought from elsewhere.
    const now = Date.now();
    const pages = Array.from({ length: 120 }, (_, i) => ({
      id: `bulk-${i}`,
      url: `${s.pages.origin}/bulk/${i}`,
      title: `Bulk page ${i}`,
      byline: null,
      siteName: 'Bulk',
      lang: 'en',
      excerpt: null,
      markdown: `Bulk page number ${i} about harbours.`,
      contentHash: `bulk-hash-${i}`,
      wordCount: 6,
      method: 'readability',
      cutAtCapture: false,
      source: 'saved',
      tags: [],
      savedAt: now - (i + 1) * 60_000,
      updatedAt: now - (i + 1) * 60_000,
    }));
    // Imported through the background's import, as the panel's Import does.
    const text = JSON.stringify({ format: 'aside-library', version: 1, exportedAt: now, pages, clips: [] });
    const reply = await s.panel.evaluate(
      (payload) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(payload),
      { aside: 1, type: 'library.import', payload: { text } },
    );
    expect(reply).toMatchObject({ ok: true, value: { added: 120 } });

    const count = s.panel.getByTestId('library-count');
    await expect.poll(() => count.innerText()).toContain('Showing 50 of 122 pages');
    expect(await items().count()).toBe(50);
    await count.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => count.innerText()).toContain('Showing 100 of 122 pages');
    await count.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => items().count()).toBe(122);
    expect(await count.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    // Newest first: the oldest import is last.
    expect(await items().last().innerText()).toContain('Bulk page 119');

    // A search is paged the same way, with its own count.
    await s.panel.getByRole('searchbox', { name: 'Search saved pages' }).fill('harbours');
    await expect.poll(() => count.innerText()).toContain('Showing 50 of 120 pages');
  });
});
