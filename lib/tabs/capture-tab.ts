import { type Browser, browser } from 'wxt/browser';
import type { CapturedPage } from '../capture/page-context';
import { pageUrlFor } from '../capture/page-url';
import { AsideError } from '../messaging/errors';
import { callTab } from '../messaging/requests';
import { capturePdfTab } from '../pdf/capture-pdf-tab';
import { generalSettingsItem } from '../settings/storage-items';
import { forgetTranscript, readTranscriptOnce, transcriptKey } from '../video/transcript-cache';
import { videoSiteOf } from '../video/video-site';
import { sameSite } from './same-site';
import { unreadableReason } from './unreadable-reason';

const contentScriptFile = '/content-scripts/content.js';

/**
 * Captures a tab's page through its content script. Tabs opened before Aside
 * was installed have no content script yet, so it is injected on demand once.
 *
 * The content script runs in the page's process, so what it says about the
 * page's URL is a claim: the URL returned is the tab's URL as the browser
 * reports it, or the page's canonical URL only when that is on the same
 * origin (see pageUrlFor). A tab that went to another site while it was read
 * is refused rather than filed under the first site's URL.
 *
 * A tab showing a PDF (the content script says so, or cannot run and the
 * address ends in .pdf) is read by the background from the tab's own URL
 * (lib/pdf/capture-pdf-tab.ts); a `file://` tab needs the user's permission
 * to read file URLs, and without it the error says how to give it.
 */
export async function captureTab(tabId: number): Promise<CapturedPage & { favIconUrl?: string }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) throw new AsideError('page-unreadable', 'The tab is gone.', { detail: 'The tab was closed.' });
  const reason = unreadableReason(tab.url);
  if (reason || !tab.url) throw new AsideError('page-unreadable', reason ?? 'No page.', { detail: tab.url });
  const tabUrl = tab.url;
  if (isFileUrl(tabUrl) && !(await browser.extension.isAllowedFileSchemeAccess())) {
    throw new AsideError('file-access-needed', 'Aside may not read file URLs.');
  }
  // A watch page's transcript is read once per tab and video (lib/video/transcript-cache.ts).
  const language = (await generalSettingsItem.getValue()).uiLanguage;
  const key = transcriptKey(tabUrl, language);
  const read = () => captureThroughContentScript(tab);
  const page = await (key ? readTranscriptOnce(tabId, key, read) : read()).catch((error: unknown) => {
    if (!showsPdf(error, tabUrl)) throw error;
    return capturePdfTab(tabUrl, tab.title);
  });
  // A transcript's kind decides the form of its timestamp links: only a real watch page of that site may claim it.
  if (page.kind?.kind === 'transcript' && videoSiteOf(tabUrl) !== page.kind.site) {
    throw new AsideError('page-unreadable', 'This page claims to be a video it is not.');
  }
  const after = await browser.tabs.get(tabId).catch(() => undefined);
  // A transcript is kept only for the video the tab showed throughout, and the page said it read.
  if (key && (transcriptKey(after?.url ?? '', language) !== key || transcriptKey(page.url, language) !== key)) {
    forgetTranscript(tabId, key);
  }
  if (!after?.url || !sameSite(after.url, tab.url)) {
    throw new AsideError('page-unreadable', 'The page changed while Aside was reading it.', {
      detail: 'The tab went to another site while Aside was reading it. Try again once it has loaded.',
    });
  }
  return { ...page, url: pageUrlFor(page.url, tab.url), ...(tab.favIconUrl ? { favIconUrl: tab.favIconUrl } : {}) };
}

async function captureThroughContentScript(tab: Browser.tabs.Tab): Promise<CapturedPage> {
  const tabId = tab.id ?? -1;
  try {
    return await callTab(tabId, 'page.capture', {});
  } catch (error) {
    if (error instanceof AsideError) throw error;
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [contentScriptFile] });
    return await callTab(tabId, 'page.capture', {});
  } catch (error) {
    if (error instanceof AsideError) throw error;
    throw new AsideError('page-no-content-script', 'Aside cannot read this page.', {
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}

const isFileUrl = (url: string) => url.startsWith('file:');

/** The content script says the tab shows a PDF, or cannot run in it and the address names a PDF file. */
function showsPdf(error: unknown, url: string): boolean {
  if (!(error instanceof AsideError)) return false;
  if (error.code === 'page-is-pdf') return true;
  return error.code === 'page-no-content-script' && /\.pdf$/i.test(new URL(url).pathname);
}
