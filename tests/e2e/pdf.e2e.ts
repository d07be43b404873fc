import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { text } from '../support/openai-server';
import { type AsideBrowser, openExtensionPage, openSidePanel } from './support/extension';
import { type PdfServer, pdfFixtures, startPdfServer, twoColumnText } from './support/pdf-fixtures';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';

/**
 * PDFs in the tab: the background fetches the bytes from the tab's URL and
 * pdf.js extracts them in the offscreen document; the context bar says
 * "PDF, N pages", the prompt carries the text with page markers, a saved PDF's
 * citation opens `#page=N`, and every PDF Aside cannot read says why.
 */
// Reading a PDF waits for the browser's viewer and pdf.js together: on a busy 2-core machine that takes a while.
describe('PDFs in the tab', { timeout: 120_000 }, () => {
  let s: Session;
  let pdfs: PdfServer;
  beforeAll(async () => {
    s = await startSession();
    pdfs = await startPdfServer();
    s.aside.audit.allow(pdfs.origin);
  });
  afterAll(async () => {
    await s?.close();
    await pdfs?.close();
  });
  beforeEach(() => newChat(s.panel));

  const status = () => s.panel.getByTestId('context-status').innerText();
  const chatRequests = () => s.llm.requests.filter((r) => r.path === '/v1/chat/completions').length;

  it('reads a PDF, says how many pages it has, and sends its text with page markers', async () => {
    await s.show(pdfs.url('report.pdf'));
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^PDF, 3 pages · about \d+ tokens$/);
    s.llm.enqueue(text('It is a rainfall report.'));
    await ask(s.panel, 'What is this PDF about?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('rainfall report');
    const sent = lastPrompt(s.llm);
    expect(sent).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16} kind="PDF" title="Rainfall Report"/);
    expect(sent).toContain('[Page 1]');
    expect(sent).toContain('[Page 3]');
    expect(sent).toContain('# Rainfall Report');
    expect(sent).toContain('\n# Results\n');
    // A word hyphenated at a line end is whole again.
    expect(sent).toContain('taken with a calibrated gauge');
    expect(sent).toContain('Rainfall in Lisbon peaks in November');
  });

  it('reads a PDF whose address does not end in .pdf, by its content type', async () => {
    await s.show(pdfs.url('pdf/2401.00001'));
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^PDF, 1 page · about \d+ tokens$/);
  });

  it('summarizes a PDF with a suggested prompt and with a side-panel action', async () => {
    await s.show(pdfs.url('report.pdf'));
    const suggestions = s.panel.getByTestId('suggestions');
    await expect.poll(() => suggestions.innerText(), { timeout: 60_000 }).toContain('into Chinese');
    s.llm.enqueue(text('Key points: rainfall.'), text('A summary of the report.'));
    await suggestions.getByRole('button', { name: 'List the key points' }).click();
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('Key points');
    expect(lastPrompt(s.llm)).toContain('Rainfall in Lisbon peaks in November');

    // The side panel's actions are in the composer's ⋯ menu.
    await s.panel.getByRole('button', { name: 'Actions on the page or selection' }).click();
    await s.panel
      .getByTestId('panel-actions')
      .getByRole('menuitem', { name: /Summarize/ })
      .click();
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('A summary');
    const sent = lastPrompt(s.llm);
    expect(sent).toContain('Summarize the following text');
    expect(sent).toContain('Rainfall in Lisbon peaks in November');
  });

  it('reads a two-column PDF a column at a time, even when its lines are drawn row by row', async () => {
    await s.show(pdfs.url('two-column.pdf'));
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^PDF, 1 page · about \d+ tokens$/);
    s.llm.enqueue(text('Harbour first, then market.'));
    await ask(s.panel, 'What comes first?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('then market');
    const sent = lastPrompt(s.llm);
    // Each column's sentence whole (no line of the other column inside it), the left one first.
    const left = sent.indexOf(twoColumnText.left.join(' '));
    const right = sent.indexOf(twoColumnText.right.join(' '));
    expect(left).toBeGreaterThan(sent.indexOf('# Harbour and Market'));
    expect(right).toBeGreaterThan(left);
  });

  it('reads a Chinese PDF whose font needs the CMaps shipped in the extension', async () => {
    await s.show(pdfs.url('chinese.pdf'));
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^PDF, 1 page · about \d+ tokens$/);
    s.llm.enqueue(text('里斯本十一月多雨。'));
    await ask(s.panel, '这份文件讲了什么？');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('十一月多雨');
    expect(lastPrompt(s.llm)).toContain('里斯本的降雨在十一月达到高峰，这时大西洋的风暴从西边到来。');
  });

  it('reads a long PDF up to the page budget and shows the cut', async () => {
    await s.show(pdfs.url('long.pdf'));
    await expect
      .poll(status, { timeout: 60_000 })
      .toMatch(/^PDF, 300 pages · first 200 pages read · Page cut to about \d+ of \d+ tokens$/);
    s.llm.enqueue(text('It is long.'));
    await ask(s.panel, 'How long is it?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('It is long.');
    const sent = lastPrompt(s.llm);
    expect(sent).toContain('Long document page 1 marker text.');
    expect(sent).not.toContain('Long document page 201 marker text.');
    expect(sent).toContain('page cut');

    // Saved, it says it is cut, and how far it was read: nothing partial is saved silently.
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect
      .poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome'), { timeout: 60_000 })
      .toBe('saved');
    const item = s.panel.getByTestId('library-item').filter({ hasText: 'A long PDF' });
    await expect
      .poll(() => item.innerText())
      .toContain('PDF, 300 pages · first 200 pages read · very large page: saved in part');
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => s.panel.getByTestId('library-item').count()).toBe(0);
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
  });

  it.each([
    ['a scan with no text layer', 'scan.pdf', 'pdf-no-text', /no text layer/],
    ['a PDF locked with a password', 'locked.pdf', 'pdf-encrypted', /protected by a password/],
    ['a broken file', 'broken.pdf', 'pdf-broken', /not a readable PDF/],
  ])('explains %s, sends nothing and saves nothing', async (_what, file, code, message) => {
    await s.show(pdfs.url(file));
    await expect.poll(status, { timeout: 60_000 }).toMatch(message);
    const before = chatRequests();
    await ask(s.panel, 'Summarize it');
    const alert = s.panel.getByTestId('assistant-message').last().getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code'), { timeout: 60_000 }).toBe(code);
    expect(await alert.innerText()).toMatch(message);
    expect(chatRequests()).toBe(before);

    await s.panel.getByRole('tab', { name: 'Library' }).click();
    const items = await s.panel.getByTestId('library-item').count();
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    const saveError = s.panel.locator('.save-page').getByRole('alert');
    await expect.poll(() => saveError.getAttribute('data-error-code'), { timeout: 60_000 }).toBe(code);
    expect(await s.panel.getByTestId('library-item').count()).toBe(items);
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
  });

  it('saves a PDF to the library, and a citation opens the page of the passage', async () => {
    await s.show(pdfs.url('report.pdf'));
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect
      .poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome'), { timeout: 60_000 })
      .toBe('saved');
    const item = s.panel.getByTestId('library-item').filter({ hasText: 'Rainfall Report' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('PDF, 3 pages');

    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await newChat(s.panel);
    await s.panel.getByText('My library', { exact: true }).click();
    await expect
      .poll(() => s.panel.locator('.library-bar').getByTestId('indexing-status').innerText(), { timeout: 60_000 })
      .toContain('1 page indexed');
    s.llm.enqueue(text('Rainfall in Lisbon peaks in November [1].'));
    await ask(s.panel, 'When does rainfall in Lisbon peak?');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    const prompt = lastPrompt(s.llm);
    expect(prompt).toContain('Rainfall in Lisbon peaks in November');
    expect(prompt).toMatch(/Rainfall Report › Results › page 3/);

    const citation = answer.locator('.citation').first();
    expect(await citation.getAttribute('data-href')).toBe(`${pdfs.url('report.pdf')}#page=3`);
    const opened = s.aside.context.waitForEvent('page');
    await citation.click();
    const page = await opened;
    expect(page.url()).toBe(`${pdfs.url('report.pdf')}#page=3`);
    await page.close();
    // The viewer shows the page, not the passage: the sources list also opens the saved text at it.
    const reading = s.aside.context.waitForEvent('page');
    await answer.getByTestId('source').first().getByText('Open the saved text').click();
    const reader = await reading;
    await expect
      .poll(() => reader.getByTestId('cited-passage').innerText())
      .toContain('Rainfall in Lisbon peaks in November');
    await reader.close();
    await s.panel.getByText('This page', { exact: true }).click();
  });

  // Chromium gives an extension loaded from the command line file access; a user turns it off (or on) in
  // chrome://extensions, which reloads the extension. This runs last: the panel is opened again after it.
  it('reads a PDF opened from the computer, and without file access says how to allow it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aside-pdf-'));
    const file = path.join(dir, 'chinese.pdf');
    fs.writeFileSync(file, pdfFixtures()['chinese.pdf'] ?? '');
    await s.show(pathToFileURL(file).href);
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^PDF, 1 page · about \d+ tokens$/);

    const extensions = await s.aside.context.newPage();
    await extensions.goto('chrome://extensions');
    // A reloaded command-line extension stays on only in developer mode, as it is for anyone loading it unpacked.
    await extensions.evaluate(() =>
      (
        globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }
      ).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }),
    );
    await extensions.evaluate(
      (extensionId) =>
        (
          globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }
        ).chrome.developerPrivate.updateExtensionConfiguration({ extensionId, fileAccess: false }),
      s.aside.extensionId,
    );
    await extensions.close();
    const panel = await reopenedPanel(s.aside);
    await s.tab.bringToFront();
    await expect
      .poll(() => panel.getByTestId('context-status').innerText(), { timeout: 60_000 })
      .toContain('Allow access to file URLs');
    const before = chatRequests();
    await ask(panel, 'Summarize it');
    const alert = panel.getByTestId('assistant-message').last().getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code'), { timeout: 60_000 }).toBe('file-access-needed');
    expect(await alert.innerText()).toContain('chrome://extensions');
    expect(chatRequests()).toBe(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** In Chinese: the bar names a PDF's pages, and a PDF Aside cannot read says why. */
describe('PDFs in the tab, in Chinese', { timeout: 120_000 }, () => {
  let s: Session;
  let pdfs: PdfServer;
  beforeAll(async () => {
    s = await startSession();
    pdfs = await startPdfServer();
    s.aside.audit.allow(pdfs.origin);
  });
  afterAll(async () => {
    await s?.close();
    await pdfs?.close();
  });

  it('says "PDF, N pages" and explains a scan in Chinese', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    await options.getByLabel('Interface language').selectOption('zh-CN');
    await expect.poll(() => s.panel.locator('html').getAttribute('lang')).toBe('zh-CN');
    await options.close();
    const status = () => s.panel.getByTestId('context-status').innerText();
    await s.show(pdfs.url('report.pdf'));
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^PDF，共 3 页 · /);
    await s.show(pdfs.url('scan.pdf'));
    await expect.poll(status, { timeout: 60_000 }).toContain('这个 PDF 没有文字层');
    const before = s.llm.requests.length;
    await ask(s.panel, '总结一下');
    const alert = s.panel.getByTestId('assistant-message').last().getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code'), { timeout: 60_000 }).toBe('pdf-no-text');
    expect(await alert.innerText()).toContain('可能是扫描件');
    expect(s.llm.requests.length).toBe(before);
  });
});

/** The side panel, opened again once the reloaded extension serves its pages. */
async function reopenedPanel(aside: AsideBrowser): Promise<Page> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await openSidePanel(aside);
    } catch (error) {
      if (attempt > 50) throw error;
      for (const page of aside.context.pages()) if (page.url().includes('options.html')) await page.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  updateExtensionConfiguration(update: { extensionId: string; fileAccess: boolean }): Promise<void>;
}
