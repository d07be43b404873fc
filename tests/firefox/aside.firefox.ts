import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentRequests, toolResults } from '../e2e/support/agent';
import { startPdfServer } from '../e2e/support/pdf-fixtures';
import { lastPrompt } from '../e2e/support/session';
import { text, toolCalls } from '../support/openai-server';
import { FirefoxEmbeddedUi } from './support/embedded-ui';
import { type FirefoxSession, startFirefoxSession } from './support/session';

/**
 * Aside's Firefox build in Debian's Firefox ESR: the sidebar, a chat about
 * the page, the library, and the in-page selection card, against the same
 * local test servers as the Chromium suite.
 */
describe('Aside in Firefox', () => {
  let s: FirefoxSession;
  beforeAll(async () => {
    s = await startFirefoxSession();
  });
  afterAll(() => s?.close());

  const answer = {
    status: () => s.sidebar.attribute('[data-testid="assistant-message"]', 'data-status'),
    text: () => s.sidebar.text('[data-testid="assistant-message"]'),
  };

  it('opens and closes the sidebar from the toolbar button', async () => {
    // Firefox opens an add-on's sidebar when it is installed; the button closes it, then opens it again.
    await expect.poll(() => s.sidebar.isOpen()).toBe(true);
    await s.sidebar.clickToolbarButton();
    await expect.poll(() => s.sidebar.isOpen()).toBe(false);
    await s.sidebar.clickToolbarButton();
    await expect.poll(() => s.sidebar.isOpen()).toBe(true);
    await expect.poll(() => s.sidebar.text('[role="tablist"]')).toContain('Library');
  });

  it('streams an answer about the page, sending the page text with the question', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await expect.poll(() => s.sidebar.text('[data-testid="context-bar"]')).toContain('Mozilla');
    s.llm.enqueue(text('Mozilla is a **free software** community founded in 1998.', { chunkSize: 5, delayMs: 10 }));
    await s.sidebar.ask('What is this page about?');
    await expect.poll(() => s.sidebar.text('[data-testid="assistant-message"] strong')).toBe('free software');
    await expect.poll(answer.status).toBe('complete');
    expect(await answer.text()).toContain('founded in 1998');
    const prompt = lastPrompt(s.llm);
    expect(prompt).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16} kind="web page"/);
    expect(prompt).toContain('Mozilla Foundation');
    expect(prompt).toMatch(/What is this page about\?$/);
  });

  it('reads a PDF in a tab with pdf.js in the background page', async () => {
    const pdfs = await startPdfServer();
    s.aside.audit.allow(pdfs.origin);
    try {
      await s.show(pdfs.url('report.pdf'));
      await expect
        .poll(() => s.sidebar.text('[data-testid="context-status"]'), { timeout: 60_000 })
        .toMatch(/^PDF, 3 pages · about \d+ tokens$/);
      await s.sidebar.click(/New chat/);
      s.llm.enqueue(text('It is a rainfall report.'));
      await s.sidebar.ask('What is this PDF about?');
      // The answer's own text: the status alone could still be the last test's complete answer.
      await expect.poll(answer.text).toContain('rainfall report');
      await expect.poll(answer.status).toBe('complete');
      const prompt = lastPrompt(s.llm);
      expect(prompt).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16} kind="PDF" title="Rainfall Report"/);
      expect(prompt).toContain('Rainfall in Lisbon peaks in November');
    } finally {
      await pdfs.close();
    }
  });

  it('saves the page, lists it in the library, and answers a library question from its excerpt', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await s.sidebar.click('Library');
    await s.sidebar.click('Save this page');
    await expect.poll(() => s.sidebar.attribute('[data-testid="save-outcome"]', 'data-outcome')).toBe('saved');
    await expect.poll(() => s.sidebar.text('[data-testid="library-item"]')).toContain('Mozilla - Wikipedia');

    await s.sidebar.click('Chat');
    await s.sidebar.click(/New chat/);
    await s.sidebar.click('My library');
    await expect.poll(() => s.sidebar.text('.library-bar [data-testid="indexing-status"]')).toContain('1 page indexed');
    s.llm.enqueue(text('It pledges to support the Mozilla Manifesto [1].'));
    await s.sidebar.ask('What does the Mozilla Foundation pledge to support?');
    await expect.poll(answer.status).toBe('complete');
    const prompt = lastPrompt(s.llm);
    expect(prompt).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16} kind="saved page excerpt"/);
    expect(prompt).toContain(s.pages.corpusUrl('wikipedia'));
    // The saved page's own words, which the question does not carry.
    expect(prompt).toContain('Mozilla Manifesto');
    expect(prompt).not.toContain('kind="web page"');
  });

  it('answers in the selection card: select text, click Translate, read the streamed answer', async () => {
    const ui = new FirefoxEmbeddedUi(s.tab, s.aside.bidi);
    await s.show(s.pages.fixtureUrl('embedded.html'));
    // A person's selection: a triple click on the paragraph, with the real mouse.
    const paragraph = await s.tab.$('#english');
    await paragraph?.click({ count: 3 });
    expect(await s.tab.evaluate(() => getSelection()?.toString())).toContain('quick brown fox');
    await expect.poll(() => ui.count('[data-testid="aside-toolbar"]')).toBe(1);
    s.llm.enqueue(text('敏捷的棕色狐狸跳过了懒狗。', { chunkSize: 2, delayMs: 20 }));
    await ui.clickButton('[data-testid="aside-toolbar"]', 'Translate');
    await expect.poll(() => ui.text('[data-testid="aside-card-body"]')).toContain('敏捷的棕色狐狸跳过了懒狗。');
    await expect.poll(() => ui.attribute('[data-testid="aside-card"]', 'data-status')).toBe('done');
    const prompt = lastPrompt(s.llm);
    expect(prompt).toContain('Translate the following text into Simplified Chinese');
    expect(prompt).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16} kind="selected text"/);
    expect(prompt).toContain('The quick brown fox jumps over the lazy dog near the river bank.');
  });
  it('offers no run_javascript (Firefox has no sandbox for it), and says why to a model that calls it and in the team editor', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    s.llm.enqueue(
      toolCalls([{ name: 'run_javascript', arguments: JSON.stringify({ code: 'return 3 * 3 + 4 * 4 + 5 * 5;' }) }]),
      text('The sum of squares is 50.'),
    );
    await s.sidebar.click('Chat');
    await s.sidebar.click('Agent');
    try {
      await s.sidebar.ask('Sum of squares of 3, 4, 5');
      await expect.poll(() => s.sidebar.text('[data-testid="agent-final"]')).toContain('The sum of squares is 50.');
      // No consent was asked and no code ran: the step failed with the reason, which the model read.
      expect(await s.sidebar.attribute('[data-testid="agent-step"]', 'data-status')).toBe('error');
      const [first, last] = [agentRequests(s.llm).at(-2), agentRequests(s.llm).at(-1)];
      expect(first?.tools?.map((tool) => tool.function.name)).not.toContain('run_javascript');
      expect(toolResults(last).at(-1)).toMatch(
        /^Error: run_javascript is not available in this browser: Firefox gives extensions no isolated sandbox/,
      );
    } finally {
      await s.sidebar.click('Agent');
    }

    // The team editor shows the tool off, with the reason.
    const options = await s.aside.openExtensionPage('options.html');
    try {
      const choice = async () =>
        options.evaluate(() => {
          const row = [...document.querySelectorAll('[data-testid="team-row"]')].find((r) =>
            r.textContent?.includes('Debate an answer'),
          );
          if (!document.querySelector('[data-testid="team-editor"]'))
            [...(row?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Duplicate to edit')?.click();
          const label = document.querySelector('[data-testid="team-agent"] [data-tool="run_javascript"]');
          return label ? { text: label.textContent, disabled: label.querySelector('input')?.disabled } : null;
        });
      await expect.poll(choice).toEqual({
        text: 'Run JavaScript in a sandbox(not in Firefox: it has no sandbox for running code)',
        disabled: true,
      });
    } finally {
      await options.close();
    }
  });

  it('works in Chinese and dark: the sidebar switches language live and still streams an answer', async () => {
    // The UI language as the options page stores it (storage.local `settings`); dark as the OS would ask for it.
    await s.sidebar.run(`async (d, w) => {
      const { settings } = await w.browser.storage.local.get('settings');
      await w.browser.storage.local.set({ settings: { ...settings, uiLanguage: 'zh-CN' } });
    }`);
    await s.aside.chrome(`Services.prefs.setIntPref('ui.systemUsesDarkTheme', 1)`);
    await expect.poll(() => s.sidebar.text('[role="tablist"]')).toContain('资料库');
    await expect
      .poll(() => s.sidebar.run(`(d, w) => w.getComputedStyle(d.body).backgroundColor`))
      .toBe('rgb(23, 25, 29)');
    await s.show(s.pages.corpusUrl('wikipedia'));
    await s.sidebar.click(/新对话/);
    // The library test left the scope on My library; this question is about the page.
    await s.sidebar.click('当前页面');
    s.llm.enqueue(text('Mozilla 是一个**自由软件**社区。', { chunkSize: 3, delayMs: 10 }));
    await s.sidebar.ask('这个页面讲什么？');
    await expect.poll(() => s.sidebar.text('[data-testid="assistant-message"] strong')).toBe('自由软件');
    await expect.poll(answer.status).toBe('complete');
    expect(lastPrompt(s.llm)).toMatch(/这个页面讲什么？$/);
  });
});
