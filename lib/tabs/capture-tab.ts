import { browser } from 'wxt/browser';
import type { CapturedPage } from '../capture/page-context';
import { AsideError } from '../messaging/errors';
import { callTab } from '../messaging/requests';
import { unreadableReason } from './unreadable-reason';

const contentScriptFile = '/content-scripts/content.js';

/**
 * Captures a tab's page through its content script. Tabs opened before Aside
 * was installed have no content script yet, so it is injected on demand once.
 */
export async function captureTab(tabId: number): Promise<CapturedPage & { favIconUrl?: string }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) throw new AsideError('page-unreadable', 'The tab is gone.', { detail: 'The tab was closed.' });
  const reason = unreadableReason(tab.url);
  if (reason) throw new AsideError('page-unreadable', reason, { detail: tab.url });
  const withIcon = (page: CapturedPage) => ({ ...page, ...(tab.favIconUrl ? { favIconUrl: tab.favIconUrl } : {}) });
  try {
    return withIcon(await callTab(tabId, 'page.capture', {}));
  } catch (error) {
    if (error instanceof AsideError) throw error;
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [contentScriptFile] });
    return withIcon(await callTab(tabId, 'page.capture', {}));
  } catch (error) {
    if (error instanceof AsideError) throw error;
    const isPdf = tab.url?.toLowerCase().split(/[?#]/)[0]?.endsWith('.pdf');
    throw new AsideError(
      'page-no-content-script',
      isPdf ? 'PDFs shown by the browser cannot be read yet.' : 'Aside cannot read this page.',
      { detail: error instanceof Error ? error.message : String(error), cause: error },
    );
  }
}
