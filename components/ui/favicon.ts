import { browser } from 'wxt/browser';

/**
 * A page's favicon from the browser's own cache (Chrome's `_favicon` API), so
 * showing it sends no request to the site; elsewhere the URL the tab reported.
 */
export function faviconFor(pageUrl: string, fallback?: string): string | undefined {
  if (browser.runtime.getManifest().permissions?.includes('favicon')) {
    const url = new URL(browser.runtime.getURL('/_favicon/' as '/'));
    url.searchParams.set('pageUrl', pageUrl);
    url.searchParams.set('size', '16');
    return url.toString();
  }
  return fallback;
}
