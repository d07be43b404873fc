import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../support/openai-server';
import { seriousViolations } from './support/axe';
import { controlRowsAbove, labelProblems } from './support/layout';
import { addProfile } from './support/provider';
import { ask, newChat, type Session, startSession } from './support/session';
import { setUiLanguage } from './support/ui-language';

const key = 'panel-layout-key';

/** Screenshots for a person to look at, only when PANEL_SHOTS names a folder. */
async function shoot(panel: Page, name: string): Promise<void> {
  const folder = process.env.PANEL_SHOTS;
  if (folder) await panel.screenshot({ path: `${folder}/panel-${name}.png` });
}

const scopeLabel = { en: 'My library', 'zh-CN': '我的资料库' } as const;
const pageLabel = { en: 'This page', 'zh-CN': '当前页面' } as const;

/**
 * The side panel's chrome as a newcomer sees it (issue 16): one header row and
 * one context line above the conversation, labels that fit, no serious axe
 * finding, and guidance instead of dead ends (first run, unreadable pages, a
 * rejected key, an empty library).
 */
describe('side panel layout and guidance', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ withoutProfile: true, apiKey: key });
  });
  afterAll(() => s?.close());

  it('guides a first-run user to set up a provider instead of sending the question', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await expect.poll(() => s.panel.getByTestId('setup-provider').count()).toBe(1);
    await ask(s.panel, 'What is this page about?');
    expect(await s.panel.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    expect(await s.panel.getByRole('textbox').last().inputValue()).toBe('What is this page about?');
    expect(await s.panel.getByRole('alert').count()).toBe(0);
    expect(await s.panel.getByTestId('user-message').count()).toBe(0);
    expect(s.llm.requests).toHaveLength(0);
    await s.panel.getByRole('textbox').last().fill('');
    await addProfile(s.aside, { baseURL: s.llm.url, model: 'test-model', apiKey: key });
    await expect.poll(() => s.panel.getByTestId('model-chip').innerText()).toContain('test-model');
  });

  it('fits two rows of controls above the conversation, with labels that fit, at 320 and 400 px, en and zh, light and dark', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe('saved');
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await expect.poll(() => s.panel.getByTestId('context-status').innerText()).toMatch(/tokens/);

    const findings: string[] = [];
    for (const language of ['en', 'zh-CN'] as const) {
      await setUiLanguage(s.panel, language);
      for (const colorScheme of ['light', 'dark'] as const) {
        await s.panel.emulateMedia({ colorScheme });
        for (const width of [320, 400]) {
          await s.panel.setViewportSize({ width, height: 640 });
          const where = `${language} ${colorScheme} ${width}px`;
          const audited = language === 'en' && width === 400;
          for (const scope of [scopeLabel[language], pageLabel[language]]) {
            await s.panel.getByText(scope, { exact: true }).click();
            const rows = await controlRowsAbove(s.panel, '.panel', '.messages:not([hidden])');
            if (rows > 2) findings.push(`${where} ${scope}: ${rows} rows of controls`);
            for (const problem of await labelProblems(s.panel, '.panel')) {
              findings.push(`${where} ${scope}: "${problem.text}" ${problem.problem}`);
            }
          }
          await shoot(s.panel, `chat-${language}-${colorScheme}-${width}`);
          // axe reads colours, not words: both themes in English at 400 px.
          if (audited) {
            for (const finding of await seriousViolations(s.panel)) {
              findings.push(`${where} chat axe ${finding.id}: ${finding.targets.join(', ')}`);
            }
          }
          await s.panel.getByRole('tab', { name: language === 'en' ? 'Library' : '资料库' }).click();
          for (const problem of await labelProblems(s.panel, '.library-view')) {
            findings.push(`${where} library: "${problem.text}" ${problem.problem}`);
          }
          await shoot(s.panel, `library-${language}-${colorScheme}-${width}`);
          if (audited) {
            for (const finding of await seriousViolations(s.panel)) {
              findings.push(`${where} library axe ${finding.id}: ${finding.targets.join(', ')}`);
            }
          }
          await s.panel.getByRole('tab', { name: language === 'en' ? 'Chat' : '对话' }).click();
        }
      }
    }
    await s.panel.emulateMedia({ colorScheme: 'light' });
    await setUiLanguage(s.panel, 'en');
    expect(findings).toEqual([]);
    // The library's title has the row's width (it was cut to ~20 characters by the row's buttons).
    const title = s.panel.locator('.library-view .library-title').first();
    const row = s.panel.locator('.library-view .library-item').first();
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    // Polled: the list renders after the tab switch (a box is null until then).
    await expect
      .poll(async () => {
        const [titleBox, rowBox] = [await title.boundingBox(), await row.boundingBox()];
        return titleBox && rowBox ? titleBox.width / rowBox.width : null;
      })
      .toBeGreaterThan(0.7);
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
  });

  it('labels a code block with its language and keeps Copy code off the code', async () => {
    await newChat(s.panel);
    s.llm.enqueue(text('Here:\n\n```python\nprint("first line")\n```\n'));
    await ask(s.panel, 'Show me code');
    const block = s.panel.getByTestId('assistant-message').last().locator('.code-block');
    await expect.poll(() => block.getByTestId('code-language').innerText()).toBe('python');
    // Polled: the block is drawn again when the stream ends (a box is null while it is replaced).
    const copy = block.getByRole('button', { name: 'Copy code' });
    await expect
      .poll(async () => {
        const [copyBox, codeBox] = [await copy.boundingBox(), await block.locator('pre').boundingBox()];
        return copyBox && codeBox ? copyBox.y + copyBox.height - codeBox.y : null;
      })
      .toBeLessThanOrEqual(1);
    // The history lists the chat with when it was used (today: a time).
    await s.panel.getByRole('button', { name: 'Chats' }).click();
    await expect.poll(() => s.panel.getByTestId('conversation-item').first().innerText()).toMatch(/\d{1,2}:\d{2}/);
    await s.panel.getByRole('button', { name: 'Close' }).click();
  });

  it('offers page actions and suggestions only where Aside can read the page, and says why not', async () => {
    await newChat(s.panel);
    await s.show(s.aside.url('options.html'));
    const empty = s.panel.getByTestId('empty-state');
    await expect.poll(() => empty.innerText()).toContain('Aside cannot read this page');
    expect(await empty.innerText()).toContain('closed to extensions');
    expect(await empty.getByRole('button', { name: 'Summarize this page' }).isDisabled()).toBe(true);
    await s.panel.getByRole('button', { name: 'Actions on the page or selection' }).click();
    const menu = s.panel.getByTestId('panel-actions');
    expect(await menu.innerText()).toContain('closed to extensions');
    expect(await menu.getByRole('menuitem', { name: /Summarize/ }).isDisabled()).toBe(true);
    await s.panel.keyboard.press('Escape');
    await s.show(s.pages.corpusUrl('wikipedia'));
    await expect.poll(() => empty.getByRole('button', { name: 'Summarize this page' }).isDisabled()).toBe(false);
  });

  it('says what the library scope does, and offers no Regenerate when nothing in the library matches', async () => {
    await newChat(s.panel);
    await s.panel.getByText('My library', { exact: true }).click();
    const empty = s.panel.getByTestId('empty-state');
    await expect.poll(() => empty.innerText()).toContain('Ask about the pages you saved');
    expect(await empty.innerText()).not.toContain('this page');
    await ask(s.panel, 'zyxwvut quantum marmalade');
    await expect.poll(() => s.panel.getByTestId('not-in-library').count()).toBe(1);
    const answer = s.panel.getByTestId('assistant-message').last();
    expect(await answer.getByRole('button', { name: 'Regenerate' }).count()).toBe(0);
    await s.panel.getByText('This page', { exact: true }).click();
  });

  it('offers Open settings beside Retry when the provider rejects the key, opening the provider settings', async () => {
    await newChat(s.panel);
    const wrong = await addProfile(s.aside, {
      baseURL: s.llm.url,
      model: 'test-model',
      apiKey: 'wrong',
      name: 'Old key',
    });
    await s.panel.getByTestId('model-chip').click();
    await s.panel.getByRole('combobox', { name: 'Provider' }).selectOption(wrong);
    await s.panel.keyboard.press('Escape');
    await ask(s.panel, 'Hello?');
    const alert = s.panel.getByTestId('assistant-message').last().getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code')).toBe('auth');
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    const opened = s.aside.context.waitForEvent('page');
    await alert.getByRole('button', { name: 'Open settings' }).click();
    expect((await opened).url()).toBe(s.aside.url('options.html#providers'));
  });
});
