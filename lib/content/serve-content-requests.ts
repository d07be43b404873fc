import { canonicalUrl, capturePage } from '../capture/capture-page';
import { captureSelection } from '../capture/selection';
import { AsideError } from '../messaging/errors';
import type { TabRequests } from '../messaging/protocol';
import { type Handlers, serveTabRequests } from '../messaging/requests';
import { readResultsPage } from '../search/results-page/read-results-page';
import { captureVideo } from '../video/capture-video';
import { createCaptureCache } from './capture-cache';

/**
 * Captures this document, refusing clearly when there is nothing a prompt
 * could use. A YouTube or Bilibili watch page is its video's transcript
 * (lib/video/), read afresh each time: those pages change all the time, and
 * the captions follow the video the tab shows now.
 */
async function captureThisPage(cache: ReturnType<typeof createCaptureCache>) {
  // Chrome's built-in PDF viewer is a plugin inside this document: no text reaches the DOM. The background
  // reads the PDF itself (lib/pdf/); this is only a hint, which it checks against the bytes.
  if (document.contentType === 'application/pdf') {
    throw new AsideError('page-is-pdf', 'This tab shows a PDF.');
  }
  const video = await captureVideo(document);
  if (video) return video;
  let page = cache.get();
  if (!page) {
    const started = performance.now();
    page = capturePage(document);
    cache.set(page);
    page = { ...page, captureMs: performance.now() - started };
  }
  if (page.markdown.trim() === '') {
    throw new AsideError('page-unreadable', 'This page has no text to read.', {
      detail: 'This page has no text to read.',
    });
  }
  return page;
}

/**
 * The content script's side of the protocol. The listener dies with the page's
 * content-script context (an extension reload invalidates it).
 */
export function serveContentRequests(
  signal: AbortSignal,
  runEmbedded: Handlers<TabRequests>['embedded.run'] = async () => ({}),
): void {
  // A script injected again on demand must not answer twice.
  const marker = Symbol.for('aside.content-requests');
  const scope = globalThis as { [marker]?: boolean };
  if (scope[marker]) return;
  scope[marker] = true;
  const cache = createCaptureCache(signal);
  const stop = serveTabRequests({
    'page.capture': () => captureThisPage(cache),
    'page.selection': async () => captureSelection(document, canonicalUrl(document)),
    'embedded.run': runEmbedded,
    'search.readResults': async ({ site }) => readResultsPage(document, site),
  });
  signal.addEventListener('abort', () => {
    stop();
    scope[marker] = false;
  });
}
