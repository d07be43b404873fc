import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CapturedPage } from '../capture/page-context';
import { captureTab } from './capture-tab';

/** What a content script answers to `page.capture`, claiming `url` as the page's URL. */
const captured = (url: string): CapturedPage => ({
  url,
  title: 'Security notice',
  byline: null,
  siteName: null,
  lang: 'en',
  excerpt: null,
  markdown: 'Confirm your password at the page below.',
  method: 'readability',
  cutAtCapture: false,
});

/** The content script (which a compromised page controls) answers with whatever URL it likes. */
const contentScriptClaims = (url: string) =>
  // The overloaded browser type resolves to the callback form; the reply is what the protocol carries.
  vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: captured(url) } as never);

describe('captureTab', () => {
  let tabId: number;
  const address = 'https://attacker.example/notices/security';
  beforeEach(async () => {
    fakeBrowser.reset();
    tabId = (await browser.tabs.create({ url: address })).id ?? -1;
  });

  it("files the page under the tab's address when the page claims another origin's URL", async () => {
    contentScriptClaims('https://bank.example/notices/security');
    expect((await captureTab(tabId)).url).toBe(address);
  });

  it('never takes a script or data URL from the page', async () => {
    contentScriptClaims('javascript:alert(document.domain)');
    expect((await captureTab(tabId)).url).toBe(address);
  });

  it("takes the page's canonical URL on the tab's own origin", async () => {
    contentScriptClaims('https://attacker.example/notices/security-2026');
    expect((await captureTab(tabId)).url).toBe('https://attacker.example/notices/security-2026');
  });

  it('refuses a transcript claimed by a page that is not that site’s watch page', async () => {
    const transcript = (site: 'youtube' | 'bilibili') => ({
      ...captured(address),
      method: 'transcript' as const,
      kind: { kind: 'transcript' as const, site, durationSec: 60, language: 'en' },
    });
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: transcript('youtube') } as never);
    await expect(captureTab(tabId)).rejects.toMatchObject({ code: 'page-unreadable' });
    const watch = (await browser.tabs.create({ url: 'https://www.youtube.com/watch?v=aSide-00001' })).id ?? -1;
    expect((await captureTab(watch)).kind).toMatchObject({ kind: 'transcript', site: 'youtube' });
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: transcript('bilibili') } as never);
    await expect(captureTab(watch)).rejects.toMatchObject({ code: 'page-unreadable' });
  });

  it('refuses a capture when the tab went to another origin while it was read', async () => {
    contentScriptClaims('https://bank.example/notices/security');
    const tab = await browser.tabs.get(tabId);
    vi.spyOn(browser.tabs, 'get')
      .mockResolvedValueOnce({ ...tab, url: 'https://bank.example/notices/security' } as never)
      .mockResolvedValue(tab as never);
    await expect(captureTab(tabId)).rejects.toMatchObject({ code: 'page-unreadable' });
  });

  it('asks for file access on a file:// tab without it, and reads nothing', async () => {
    const file = (await browser.tabs.create({ url: 'file:///home/me/report.pdf' })).id ?? -1;
    vi.spyOn(browser.extension, 'isAllowedFileSchemeAccess').mockResolvedValue(false as never);
    const sent = contentScriptClaims('file:///home/me/report.pdf');
    await expect(captureTab(file)).rejects.toMatchObject({ code: 'file-access-needed' });
    expect(sent).not.toHaveBeenCalled();
  });
});
