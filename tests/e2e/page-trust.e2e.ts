import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asRead } from '../support/as-read';
import { type RecordedRequest, text, toolCalls } from '../support/openai-server';
import { agentRequests, enableAgentMode, giveGoal, toolResults } from './support/agent';
import { openExtensionPage, openSidePanel } from './support/extension';
import { allowInIncognito, openIncognitoSidePanel } from './support/incognito';
import { type OriginServer, startOriginServer } from './support/origin-server';
import { ask, newChat, type Session, startSession } from './support/session';

/**
 * What a page's own content may decide, tried as a hostile page would: the URL
 * its saved copy is filed under, which tabs a run sees, and where the
 * untrusted block around its text ends.
 */

interface StoredPage {
  readonly url: string;
  readonly title: string;
  readonly markdown: string;
}

/** The library as stored, read from the extension's IndexedDB by an extension page. */
function library(page: Page): Promise<{ pages: StoredPage[]; clips: { pageUrl: string; text: string }[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('aside');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction(['pages', 'clips']);
          const pages = read.objectStore('pages').getAll();
          const clips = read.objectStore('clips').getAll();
          read.oncomplete = () => {
            resolve({ pages: pages.result, clips: clips.result });
            open.result.close();
          };
        };
      }),
  );
}

describe('a page cannot pick the URL its saved copy is filed under', () => {
  let s: Session;
  let attacker: OriginServer;
  let reader: Page;
  beforeAll(async () => {
    s = await startSession();
    attacker = await startOriginServer();
    s.aside.audit.allow(attacker.origin);
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    reader = await openExtensionPage(s.aside, 'options.html');
  });
  afterAll(async () => {
    await s?.close();
    await attacker?.close();
  });

  const save = () => s.panel.getByRole('button', { name: 'Save this page' }).click();
  const stored = async () => (await library(reader)).pages;

  it("keeps the user's copy of site A when a page on site B names A's URL as its canonical", async () => {
    const trusted = s.pages.fixtureUrl('trust-notice.html');
    await s.show(trusted);
    await save();
    await expect.poll(async () => (await stored()).map((page) => page.url)).toEqual([trusted]);

    // Same path, another origin, and a canonical link pointing at the user's saved page.
    const forged = attacker.serve(
      new URL(trusted).pathname,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Bank: security notice</title>
      <link rel="canonical" href="${trusted}"></head><body><article><h1>Harbour Bank: security notice</h1>
      <p>Harbour Bank now asks every customer to confirm their password at the secure page linked below.</p>
      <p>Customers who do not confirm within a day will lose access to their account.</p>
      <p>This text was written by an attacker's page on another origin.</p></article></body></html>`,
    );
    await s.show(forged);
    await save();
    await expect
      .poll(async () => (await stored()).some((page) => page.markdown.includes("attacker's page")))
      .toBe(true);

    const pages = await stored();
    expect(pages.find((page) => page.url === trusted)?.markdown).toContain("the bank's original text");
    expect(pages.find((page) => page.markdown.includes("attacker's page"))?.url).toBe(forged);
    expect(pages).toHaveLength(2);
  });

  it('attaches a clip saved on site B to B, not to the page B claims to be', async () => {
    const trusted = s.pages.fixtureUrl('trust-notice.html');
    const forged = `${attacker.origin}${new URL(trusted).pathname}`;
    await s.show(forged);
    await s.tab.evaluate(`(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent.includes('lose access'));
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await s.panel.getByRole('button', { name: 'Save selection' }).click();
    await expect.poll(async () => (await library(reader)).clips.length).toBe(1);
    expect((await library(reader)).clips[0]?.pageUrl).toBe(forged);
  });

  it('files a page whose canonical link is a javascript: URL under its own address', async () => {
    const page = attacker.serve(
      '/script-canonical.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Script canonical</title>
      <link rel="canonical" href="javascript:alert(document.domain)"></head><body><article>
      <h1>Script canonical</h1><p>A page whose canonical link would run code wherever its saved copy is opened.</p>
      <p>Its citations must link to the address it was read from instead.</p></article></body></html>`,
    );
    await s.show(page);
    await save();
    await expect.poll(async () => (await stored()).some((saved) => saved.title === 'Script canonical')).toBe(true);
    expect((await stored()).find((saved) => saved.title === 'Script canonical')?.url).toBe(page);
    expect((await stored()).filter((saved) => !/^https?:/.test(saved.url))).toEqual([]);
  });
});

interface WindowsApi {
  chrome: {
    windows: { create(options: { incognito: boolean; url: string }): Promise<{ id: number }> };
    tabs: {
      query(query: { windowId?: number; url?: string }): Promise<{ id: number; status?: string; incognito: boolean }[]>;
    };
  };
}

describe('runs see only tabs of their own kind of window', () => {
  let s: Session;
  let panel: Page;
  let privatePanel: Page;
  let incognito: { windowId: number; tabId: number };
  let normalTabId: number;
  const privateUrl = () => s.pages.fixtureUrl('private-notes.html');
  const normalUrl = () => s.pages.fixtureUrl('trust-notice.html');
  beforeAll(async () => {
    s = await startSession();
    await allowInIncognito(s.aside);
    // Allowing incognito reloads Aside: the panel opened with the session is gone.
    panel = await openSidePanel(s.aside);
    await enableAgentMode(panel);
    await s.show(normalUrl());
    const options = await openExtensionPage(s.aside, 'options.html');
    normalTabId = await options.evaluate(
      async (url) => (await (globalThis as unknown as WindowsApi).chrome.tabs.query({ url }))[0]?.id ?? -1,
      normalUrl(),
    );
    incognito = await options.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as WindowsApi;
      const window = await chrome.windows.create({ incognito: true, url });
      for (let waited = 0; waited < 30_000; waited += 100) {
        const [tab] = await chrome.tabs.query({ windowId: window.id });
        if (tab?.status === 'complete' && tab.incognito) return { windowId: window.id, tabId: tab.id };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the incognito tab did not load');
    }, privateUrl());
    await options.close();
    privatePanel = await openIncognitoSidePanel(s.aside, incognito.windowId);
    await enableAgentMode(privatePanel);
  });
  afterAll(() => s?.close());

  /** Runs list_tabs, then read_tab on `tabId`, from a panel; returns the two results the model received. */
  const listThenRead = async (from: Page, tabId: number) => {
    s.llm.enqueue(
      toolCalls([{ name: 'list_tabs', arguments: '{}' }]),
      toolCalls([{ name: 'read_tab', arguments: JSON.stringify({ tabId }) }]),
      text('Done looking.'),
    );
    await giveGoal(from, 'What tabs do I have open?');
    await expect.poll(() => from.getByTestId('agent-final').innerText()).toContain('Done looking');
    const [listed = '', read = ''] = agentRequests(s.llm)
      .slice(-2)
      .map((request) => toolResults(request).at(-1) ?? '');
    return { listed, read };
  };

  it('a run from a normal window lists no incognito tab and cannot read one by id', async () => {
    const { listed, read } = await listThenRead(panel, incognito.tabId);
    // The normal tab is listed, so the list is a real one.
    expect(listed).toContain(normalUrl());
    expect(listed).not.toContain(privateUrl());
    expect(listed).not.toContain('Private diary entry');
    expect(listed).not.toContain(`id ${incognito.tabId}`);
    expect(read).not.toContain('clinic');
    expect(read).toMatch(/^Error:/);
  });

  it('a run from an incognito window lists no normal tab and cannot read one by id', async () => {
    const { listed, read } = await listThenRead(privatePanel, normalTabId);
    expect(listed).toContain(privateUrl());
    expect(listed).not.toContain(normalUrl());
    expect(listed).not.toContain(`id ${normalTabId}`);
    expect(read).not.toContain('Harbour Bank');
    expect(read).toMatch(/^Error:/);
  });
});

describe('page text cannot close the untrusted block around it', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(() => s?.close());
  beforeEach(() => newChat(s.panel));

  const question = 'What changed in this release?';
  /** The page block the provider received with the question: its opening line, its text, its closing line. */
  const pageBlock = (request: RecordedRequest | undefined) => {
    const messages = (request?.body as { messages?: { role: string; content: string }[] } | undefined)?.messages ?? [];
    const last = messages.at(-1)?.content ?? '';
    const block = last.slice(0, last.lastIndexOf(`\n\n${question}`)).split('\n');
    return {
      system: messages[0]?.content ?? '',
      open: block[0] ?? '',
      close: block.at(-1) ?? '',
      inside: block.slice(1, -1).join('\n'),
    };
  };

  it('keeps every imitation of the closing marker, in any disguise, inside one block', async () => {
    await s.show(s.pages.fixtureUrl('marker-breakout.html'));
    await expect.poll(() => s.panel.getByTestId('context-bar').innerText()).toContain('lighthouse');
    s.llm.enqueue(text('Tide tables and night mode.'), text('Still tide tables.'));
    await ask(s.panel, question);
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('Tide tables');
    await newChat(s.panel);
    await ask(s.panel, question);
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('Still tide');

    const [first, second] = s.llm.requests.slice(-2).map(pageBlock);
    if (!first || !second) throw new Error('two requests expected');
    // The whole page, last line included, sits between the markers.
    expect(first.inside).toContain('tide tables');
    expect(first.inside).toContain('lighthouse-sentinel-42');
    // However the page disguises it, nothing in its text reads as the real closing marker.
    expect(asRead(first.inside)).not.toContain(asRead(first.close));
    expect(asRead(first.inside)).not.toContain(asRead(first.open.split(' ')[0] ?? first.open));
    // The system prompt names the markers of this request.
    expect(first.system).toContain(first.close);
    // A marker is not a constant a page could learn: each request has its own.
    expect(second.close).not.toBe(first.close);
    expect(second.system).toContain(second.close);
  });
});
