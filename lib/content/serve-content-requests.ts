import { canonicalUrl, capturePage } from '../capture/capture-page';
import { captureSelection } from '../capture/selection';
import { AsideError } from '../messaging/errors';
import { type TabRequests, tabRequests } from '../messaging/protocol';
import { type Handlers, handleRequests } from '../messaging/requests';
import { readResultsPage } from '../search/results-page/read-results-page';
import { captureVideo } from '../video/capture-video';
import { createCaptureCache } from './capture-cache';
import { embeddedRunner } from './embedded/embedded-runner';
import { providePageTools } from './page-tools-slot';

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
 * The page tools' side of the protocol: the background's requests to this
 * frame, relayed by the always-loaded script (lib/content/loader/), checked
 * and validated here (lib/messaging/requests.ts). The handler dies with the
 * page's content-script context (an extension reload invalidates it).
 */
export function serveContentRequests(signal: AbortSignal): void {
  const cache = createCaptureCache(signal);
  // Menu and command runs open the card in the top frame only: one toolbar per tab.
  const runEmbedded: Handlers<TabRequests>['embedded.run'] =
    window.top === window ? embeddedRunner() : async () => ({});
  providePageTools(
    handleRequests(tabRequests, {
      'page.capture': () => captureThisPage(cache),
      'page.selection': async () => captureSelection(document, canonicalUrl(document)),
      'embedded.run': runEmbedded,
      'search.readResults': async ({ site }) => readResultsPage(document, site),
    }),
  );
  signal.addEventListener('abort', () => providePageTools(undefined));
}
