import type { CapturedPage } from '../capture/page-context';

/**
 * Remembers the last capture until the page changes. The side panel previews
 * a page when the user switches to it and captures it again on Send; on a
 * page nobody touched in between, the second capture is free. Any change to
 * the DOM's nodes or text, or to the URL (single-page apps), forgets it.
 */
export function createCaptureCache(signal: AbortSignal) {
  let cached: { page: CapturedPage; url: string } | undefined;
  const observer = new MutationObserver(() => {
    cached = undefined;
    observer.disconnect();
  });
  signal.addEventListener('abort', () => observer.disconnect());
  return {
    get(): CapturedPage | undefined {
      return cached && cached.url === location.href ? cached.page : undefined;
    },
    set(page: CapturedPage): void {
      cached = { page, url: location.href };
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    },
  };
}
