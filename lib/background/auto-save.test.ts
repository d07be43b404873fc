import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { capturedPage } from '../../tests/support/captured-page';
import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import { defaultAutoSaveSettings } from '../library/auto-save-settings';
import { autoSaveSettingsItem } from '../settings/secure-settings';
import { offerAutoSave } from './auto-save';

const captured = (url: string, markdown: string): CapturedPage =>
  capturedPage({
    url,
    siteName: null,
    markdown,
  });

describe('offerAutoSave', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    await autoSaveSettingsItem.setValue({
      ...defaultAutoSaveSettings,
      enabled: true,
      allow: ['news.example', 'bank.example'],
      deny: ['bank.example'],
    });
  });

  /** A tab whose content script answers with `claimed`; the offer's sender says the tab shows `offeredFrom`. */
  const offer = async (tabUrl: string, claimed: CapturedPage, offeredFrom = tabUrl) => {
    const tab = await browser.tabs.create({ url: tabUrl });
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: claimed } as never);
    return offerAutoSave({ ...tab, url: offeredFrom }, false);
  };

  it('stores the page under the URL its rules were checked on, not the one the page claims', async () => {
    const result = await offer('https://news.example/a', captured('https://bank.example/login', 'Forged bank page'));
    expect(result).toEqual({ saved: true });
    expect((await db().pages.toArray()).map((page) => page.url)).toEqual(['https://news.example/a']);
  });

  it('decides on the page it captures: a tab that moved to a private site is not saved', async () => {
    const result = await offer(
      'https://bank.example/account',
      captured('https://bank.example/account', 'Balance: 1,000'),
      'https://news.example/a',
    );
    expect(result).toMatchObject({ saved: false, reason: 'denied' });
    expect(await db().pages.count()).toBe(0);
  });
});
