import { browser } from 'wxt/browser';
import { callOffscreen } from '../messaging/requests';
import { ensureOffscreenDocument } from '../rag/offscreen-document';
import { type ReadablePage, readablePage } from './readable-page';

/**
 * Extracts a result page's text where a DOM is: in this context when it has
 * one (Firefox's background page), else in the offscreen document (Chrome's
 * service worker has no DOMParser).
 */
export async function extractReadable(html: string, url: string): Promise<ReadablePage> {
  if (typeof DOMParser === 'function') return readablePage(html, url);
  if (!browser.offscreen) throw new Error('No DOM to read pages in this browser');
  await ensureOffscreenDocument();
  return callOffscreen('offscreen.readable', { html, url });
}
