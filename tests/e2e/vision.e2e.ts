import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../support/openai-server';
import { readTable } from './support/aside-db';
import { openExtensionPage } from './support/extension';
import { ask, lastChatBody, newChat, type Session, startSession } from './support/session';
import { setUiLanguage } from './support/ui-language';

/**
 * Screenshots and images: a model not marked as reading images gets no
 * Screenshot button (it says why) and no pasted image; the per-model switch in
 * the options page turns it on; a screenshot then goes to the provider as an
 * `image_url` part, downscaled, is shown in the chat, comes back when the chat
 * is reopened, is counted in "Your data", and goes when the chat is deleted.
 */
describe('screenshots and images', { timeout: 90_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    await s.show(s.pages.fixtureUrl('embedded.html'));
  }, 120_000);
  afterAll(() => s?.close());

  const screenshot = () => s.panel.getByTestId('screenshot');
  type Part = { type: string; text?: string; image_url?: { url: string } };
  const lastUserContent = () => lastChatBody(s.llm).messages?.at(-1)?.content as unknown as string | Part[];

  /** Pastes a generated PNG into the composer, as Ctrl+V with an image on the clipboard does (or drops it there). */
  const pastePng = (panel: Page, width: number, height: number, how: 'paste' | 'drop' = 'paste') =>
    panel.evaluate(
      async ([w, h, how]) => {
        const canvas = new OffscreenCanvas(w, h);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no canvas');
        context.fillStyle = '#3366cc';
        context.fillRect(0, 0, w, h);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const data = new DataTransfer();
        data.items.add(new File([blob], 'chart.png', { type: 'image/png' }));
        const box = document.querySelector('textarea.composer-input');
        box?.dispatchEvent(
          how === 'paste'
            ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
            : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      },
      [width, height, how] as const,
    );

  /** The decoded size of a data URL, measured by the browser's own decoder. */
  const decodedSize = (dataUrl: string) =>
    s.panel.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    }, dataUrl);

  it('offers no screenshot to a model not marked as reading images, says why, and refuses a pasted image', async () => {
    await expect.poll(() => screenshot().isDisabled()).toBe(true);
    expect(await screenshot().getAttribute('title')).toBe(
      'test-model does not read images. Pick a vision model, or turn on “Reads images” for it in settings.',
    );
    await pastePng(s.panel, 300, 200);
    const refusal = s.panel.locator('[data-error-code="vision-unsupported"]');
    await expect.poll(() => refusal.innerText()).toContain('The model test-model is not marked as reading images');
    expect(await s.panel.getByTestId('image-thumbs').count()).toBe(0);

    s.llm.enqueue(text('Plain answer.'));
    await ask(s.panel, 'What is on this page?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('Plain answer.');
    expect(typeof lastUserContent()).toBe('string');
  });

  it('the per-model switch in the options page turns images on', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    const row = options.locator('[data-testid="vision-model"][data-model="test-model"]');
    await expect.poll(() => row.innerText()).toContain('guessed from the name: text only');
    const box = row.getByRole('checkbox', { name: 'Reads images' });
    expect(await box.isChecked()).toBe(false);
    // The box shows the stored value, so it turns checked once the setting is written.
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await options.close();
    await s.tab.bringToFront();
    await expect.poll(() => screenshot().isEnabled()).toBe(true);
    expect(await screenshot().getAttribute('title')).toBe(
      'Send the visible part of this tab as an image with your question',
    );
  });

  it('sends a screenshot, downscaled, as an image_url part with the question, and shows it in the chat', async () => {
    await s.tab.bringToFront();
    await newChat(s.panel);
    const draft = s.panel.locator('.composer-attachments [data-testid="image-thumbs"] img');
    // A pasted image can be removed before sending: it is then not sent.
    await pastePng(s.panel, 300, 200);
    await expect.poll(() => draft.count()).toBe(1);
    await s.panel.getByRole('button', { name: 'Remove image' }).click();
    await expect.poll(() => draft.count()).toBe(0);

    await screenshot().click();
    await expect.poll(() => draft.count(), { timeout: 20_000 }).toBe(1);
    // A picture larger than the 2048-pixel limit, dropped into the box, is scaled down to fit it.
    await pastePng(s.panel, 3000, 1500, 'drop');
    await expect.poll(() => draft.count(), { timeout: 20_000 }).toBe(2);
    expect(await s.panel.getByTestId('image-summary').innerText()).toMatch(
      /^2 images · [\d.,]+ (KB|MB) go with the question$/,
    );
    // The context bar names what goes with the page: the screenshot apart from the picture, in both languages.
    const status = () => s.panel.getByTestId('context-status').innerText();
    await expect.poll(status).toMatch(/^\+ screenshot · \+ 1 image · about \d+ tokens$/);
    await setUiLanguage(s.panel, 'zh-CN');
    await expect.poll(status).toMatch(/^\+ 截图 · \+ 1 张图片 · 约 \d+ 个 token$/);
    await setUiLanguage(s.panel, 'en');
    s.llm.enqueue(text('A page with a paragraph.'));
    await ask(s.panel, 'What do you see?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('A page with');

    const content = lastUserContent();
    if (typeof content === 'string') throw new Error('the question was sent without its images');
    expect(content[0]).toEqual({ type: 'text', text: expect.stringContaining('What do you see?') });
    const urls = content.filter((part) => part.type === 'image_url').map((part) => part.image_url?.url ?? '');
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(url).toMatch(/^data:image\/jpeg;base64,/);
    // The screenshot is the tab's visible part, in device pixels; the pasted picture is scaled down.
    const visible = await s.tab.evaluate(() => [
      Math.round(window.innerWidth * devicePixelRatio),
      Math.round(window.innerHeight * devicePixelRatio),
    ]);
    expect(await decodedSize(urls[0] ?? '')).toEqual(visible);
    expect(await decodedSize(urls[1] ?? '')).toEqual([2048, 1024]);
    const url = urls[0];

    // The composer is empty again; the question shows its thumbnail.
    expect(await draft.count()).toBe(0);
    const shown = s.panel.getByTestId('user-message').last().locator('img');
    await expect.poll(() => shown.count()).toBe(2);
    expect(await shown.first().getAttribute('src')).toBe(url);
    expect(await shown.last().getAttribute('data-width')).toBe('2048');
  });

  it('shows the image again when the chat is reopened, counts it in Your data, and deletes it with the chat', async () => {
    await newChat(s.panel);
    await s.panel.getByRole('button', { name: /Chats/ }).click();
    const item = s.panel.getByTestId('conversation-item').filter({ hasText: 'What do you see?' });
    await item.getByRole('button', { name: 'What do you see?' }).click();
    const shown = s.panel.getByTestId('user-message').first().locator('img');
    await expect.poll(() => shown.count()).toBe(2);
    expect(await shown.last().getAttribute('data-height')).toBe('1024');
    expect(await shown.first().getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);

    const options = await openExtensionPage(s.aside, 'options.html');
    const stored = options.getByTestId('stored-data');
    await expect.poll(() => stored.innerText()).toMatch(/Images in chats\s+2\s+\d/);
    await s.tab.bringToFront();

    await s.panel.getByRole('button', { name: /Chats/ }).click();
    await s.panel
      .getByTestId('conversation-item')
      .filter({ hasText: 'What do you see?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(() => stored.innerText()).toMatch(/Images in chats\s+0\b/);
    const messages = (await readTable(s.aside, 'messages')) as { images?: unknown[] }[];
    expect(messages.some((message) => message.images)).toBe(false);
    await options.close();
  });
});
