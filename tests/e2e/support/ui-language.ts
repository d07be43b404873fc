import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionGlobal } from './extension-global';

/**
 * Sets Aside's interface language the way the options page stores it
 * (storage.local `settings.uiLanguage`), from an open Aside page, and waits
 * until that page has switched: pages follow the setting live.
 */
export async function setUiLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.evaluate(async (uiLanguage) => {
    const local = (globalThis as unknown as ExtensionGlobal).chrome.storage.local;
    const { settings } = await local.get(null);
    await local.set({ settings: { ...(settings as object), uiLanguage } });
  }, language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}
