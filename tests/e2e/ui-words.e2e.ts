import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsSections } from '../../components/settings/options-sections';
import { seriousViolations } from './support/axe';
import { openExtensionPage } from './support/extension';
import { latinWords } from './support/latin-words';
import { labelProblems } from './support/layout';
import { type Session, startSession } from './support/session';

/**
 * The options page as a reader meets it: six sections with a nav that follows
 * the reader and opens deep links, laid out cleanly and accessibly at phone and
 * desktop widths in both languages and themes; and the Chinese UI with no
 * English left in it (options, and the side panel's chat and library).
 */
describe('options page and words', () => {
  let s: Session;
  let options: Page;
  const ids = optionsSections.map((section) => section.id);
  const navLink = (name: string) => options.getByRole('navigation').getByRole('link', { name, exact: true });
  const current = () => options.locator('nav a[aria-current="location"]').innerText();
  /** Whether the element's first lines are on screen (a long result may run past the bottom). */
  const inView = (selector: string) =>
    options.locator(selector).evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.top + Math.min(box.height, 40) <= window.innerHeight;
    });

  beforeAll(async () => {
    s = await startSession();
    options = await openExtensionPage(s.aside, 'options.html#advanced');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens a deep link, follows the reader in the nav, and becomes a top row when narrow', async () => {
    await options.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(current).toBe('Advanced');
    await expect
      .poll(() => options.locator('#advanced').evaluate((e) => e.getBoundingClientRect().top))
      .toBeLessThan(80);
    // Fine-tuning export lives under Advanced; deleting everything is a separate danger zone under Data & privacy.
    expect(await options.locator('#advanced [data-testid="fine-tune-export"]').count()).toBe(1);
    expect(await options.locator('#data [data-testid="danger-zone"]').count()).toBe(1);
    expect(await options.locator('[data-testid="fine-tune-export"] [data-testid="danger-zone"]').count()).toBe(0);

    await navLink('Data & privacy').click();
    await expect.poll(current).toBe('Data & privacy');
    expect(new URL(options.url()).hash).toBe('#data');
    await expect.poll(() => inView('#data h2')).toBe(true);
    // Scrolling by hand moves the highlight too.
    await options.locator('#agent').evaluate((element) => element.scrollIntoView());
    await expect.poll(current).toBe('Agent & teams');

    await options.setViewportSize({ width: 400, height: 700 });
    // Narrow: the nav is a row pinned to the top, above the section being read.
    await expect
      .poll(async () => {
        const nav = await options.getByRole('navigation').boundingBox();
        return nav && nav.y <= 1 && nav.width >= 390 && nav.height < 60;
      })
      .toBe(true);
    // A hash set by other code (the panel after a 401) opens that section on an open page.
    await options.evaluate(() => {
      location.hash = '#providers';
    });
    await expect.poll(current).toBe('Providers');
  });

  it('brings the Test connection result into view', async () => {
    await options.setViewportSize({ width: 400, height: 500 });
    await options.getByTestId('profile-row').getByRole('button', { name: 'Edit' }).click();
    const form = options.getByTestId('profile-form');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => options.getByTestId('test-result').getAttribute('data-status')).toBe('ok');
    await expect.poll(() => inView('[data-testid="test-result"]')).toBe(true);
    await form.getByRole('button', { name: 'Close' }).click();
  });

  it('has no broken labels and no serious axe findings, at 400 and 1280 px, in English and Chinese, light and dark', async () => {
    const found: string[] = [];
    for (const language of ['en', 'zh-CN'] as const) {
      await options.getByLabel(/^(Interface language|界面语言)$/).selectOption(language);
      await expect.poll(() => options.locator('html').getAttribute('lang')).toBe(language);
      for (const width of [400, 1280]) {
        await options.setViewportSize({ width, height: 800 });
        for (const colorScheme of ['light', 'dark'] as const) {
          await options.emulateMedia({ colorScheme });
          const where = `${language} ${width}px ${colorScheme}`;
          for (const id of ['nav', ...ids.map((section) => `#${section}`)]) {
            for (const problem of await labelProblems(options, id))
              found.push(`${where} ${id}: ${JSON.stringify(problem)}`);
          }
          for (const finding of await seriousViolations(options)) found.push(`${where}: ${JSON.stringify(finding)}`);
        }
      }
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('shows no English words in the Chinese UI outside product names and code', async () => {
    // The previous test left the UI in Chinese.
    await expect.poll(() => options.locator('html').getAttribute('lang')).toBe('zh-CN');
    const english: string[] = [];
    for (const id of ids)
      english.push(...(await latinWords(options, `#${id}`)).map((word) => `options #${id}: ${word}`));
    english.push(...(await latinWords(options, 'header')).map((word) => `options header: ${word}`));
    english.push(...(await latinWords(options, 'nav')).map((word) => `options nav: ${word}`));

    const panel = s.panel;
    // The session's profile: its name and model are the user's words, which the panel shows as they are.
    const userData = ['Test server', 'test-model'];
    await expect.poll(() => panel.locator('html').getAttribute('lang')).toBe('zh-CN');
    english.push(...(await latinWords(panel, 'body', userData)).map((word) => `panel chat: ${word}`));
    await panel.getByRole('tab', { name: '资料库' }).click();
    await expect.poll(() => panel.getByRole('tab', { name: '资料库' }).getAttribute('aria-selected')).toBe('true');
    english.push(...(await latinWords(panel, 'body', userData)).map((word) => `panel library: ${word}`));
    await panel.getByRole('tab', { name: '对话' }).click();
    expect(english).toEqual([]);
  });
});
