import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { capturedPage } from '../../tests/support/captured-page';
import type { CapturedPage } from '../capture/page-context';
import { AsideError } from '../messaging/errors';
import { forgetAllTranscripts } from '../video/transcript-cache';
import { captureTab } from './capture-tab';

/** What a content script answers to `page.capture`, claiming `url` as the page's URL. */
const captured = (url: string): CapturedPage =>
  capturedPage({
    url,
    title: 'Security notice',
    siteName: null,
    markdown: 'Confirm your password at the page below.',
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
    forgetAllTranscripts();
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

  it('reads a watch page’s transcript once per tab and video, and again for another video', async () => {
    const watch = (id: string) => `https://www.youtube.com/watch?v=${id}`;
    const tab = (await browser.tabs.create({ url: watch('aSide-00001') })).id ?? -1;
    const transcriptOf = async () => ({
      ok: true,
      value: {
        ...captured((await browser.tabs.get(tab)).url ?? ''),
        method: 'transcript' as const,
        kind: { kind: 'transcript' as const, site: 'youtube' as const, durationSec: 60, language: 'en' },
      },
    });
    const reads = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(transcriptOf as never);
    // The context bar's preview (twice at once) and the question sent after it: one reading of the captions.
    await Promise.all([captureTab(tab), captureTab(tab)]);
    expect((await captureTab(tab)).kind).toMatchObject({ kind: 'transcript' });
    expect(reads).toHaveBeenCalledTimes(1);
    // Another video in the tab is read anew.
    await browser.tabs.update(tab, { url: watch('aSide-00002') });
    await captureTab(tab);
    expect(reads).toHaveBeenCalledTimes(2);
    // A reading that failed is not kept: "Try again" reads again.
    await browser.tabs.update(tab, { url: watch('aSide-00003') });
    reads.mockRejectedValueOnce(new AsideError('video-captions-failed', 'The video site answered 500.'));
    await expect(captureTab(tab)).rejects.toMatchObject({ code: 'video-captions-failed' });
    await captureTab(tab);
    await captureTab(tab);
    expect(reads).toHaveBeenCalledTimes(4);
  });
});
