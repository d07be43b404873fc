import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { text } from '../support/openai-server';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';

/** What goes into the prompt: the active tab's page, cut visibly when long, or a clear refusal. */
describe('page context', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(() => s?.close());
  beforeEach(() => newChat(s.panel));

  const status = () => s.panel.getByTestId('context-status').innerText();

  it('follows the active tab', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await expect.poll(() => s.panel.getByTestId('context-bar').innerText()).toContain('Mozilla - Wikipedia');
    const other = await s.aside.context.newPage();
    await other.goto(s.pages.longArticleUrl(5));
    await other.bringToFront();
    await expect.poll(() => s.panel.getByTestId('context-bar').innerText()).toContain('A very long article');
    await other.close();
    await s.tab.bringToFront();
    await expect.poll(() => s.panel.getByTestId('context-bar').innerText()).toContain('Mozilla - Wikipedia');
  });

  it('cuts a long page to the token budget and tells the user', async () => {
    await s.show(s.pages.longArticleUrl(3000));
    await expect.poll(status).toMatch(/Page cut to about \d+ of \d+ tokens/);
    s.llm.enqueue(text('It is long.'));
    await ask(s.panel, 'How long is it?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('It is long.');
    const sent = lastPrompt(s.llm);
    expect(sent).toContain('Paragraph 1:');
    expect(sent).not.toContain('Paragraph 3000:');
    expect(sent).toContain('page cut');
  });

  it('reads a Chinese page and sends its text', async () => {
    await s.show(s.pages.corpusUrl('qq'));
    await expect.poll(status).toMatch(/about \d+ tokens/);
    // A Chinese page is offered a translation into English.
    await expect.poll(() => s.panel.getByTestId('suggestions').innerText()).toContain('into English');
    s.llm.enqueue(text('这是一篇新闻。'));
    await ask(s.panel, '这篇文章讲了什么？');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('这是一篇新闻。');
    const sent = lastPrompt(s.llm);
    expect(sent).toMatch(/[\u4e00-\u9fff]{20}/);
    expect(sent.endsWith('这篇文章讲了什么？')).toBe(true);
  });

  it('gives a clear message on a browser page the content script cannot access', async () => {
    await s.show('chrome://version');
    await expect.poll(status).toBe('Aside cannot read this page');
    const before = s.llm.requests.length;
    await ask(s.panel, 'What is on this page?');
    const alert = s.panel.getByTestId('assistant-message').last().getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code')).toBe('page-unreadable');
    expect(await alert.innerText()).toContain('Leave the page out of the question to chat without it.');
    // Nothing was sent to the provider, and the question is kept.
    expect(s.llm.requests.length).toBe(before);
    expect(await s.panel.getByTestId('user-message').last().innerText()).toContain('What is on this page?');
  });

  // PDFs shown by the browser are read (tests/e2e/pdf.e2e.ts).
  it('refuses a page with no text clearly instead of sending an empty page', async () => {
    await s.show(s.pages.fixtureUrl('empty.html'));
    await expect.poll(status).toBe('Aside cannot read this page');
    const before = s.llm.requests.length;
    await ask(s.panel, 'Summarize it');
    const alert = s.panel.getByTestId('assistant-message').last().getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code')).toMatch(/^page-/);
    expect(s.llm.requests.length).toBe(before);
  });
});
