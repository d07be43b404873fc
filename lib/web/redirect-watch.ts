import { browser } from 'wxt/browser';

/**
 * Where a redirect of one of Aside's own requests points. A fetch with
 * `redirect: 'manual'` returns an opaque response that hides the Location
 * header (Fetch standard: "opaque-redirect filtered response"), so the target
 * is read from `webRequest.onBeforeRedirect`, which the browser fires for the
 * extension's own requests (tabId -1) even when the redirect is not followed.
 * Observation only: nothing is blocked or changed.
 */
export interface RedirectWatch {
  /** Resolves with the redirect target, or null if none was reported within `timeoutMs`. */
  target(timeoutMs: number): Promise<string | null>;
  stop(): void;
}

export function watchRedirect(url: string): RedirectWatch {
  const events = browser.webRequest?.onBeforeRedirect;
  let seen: string | null = null;
  let notify: ((target: string) => void) | null = null;
  const listener = (details: { url: string; tabId: number; redirectUrl: string }) => {
    if (details.tabId !== -1 || details.url !== url || seen !== null) return;
    seen = details.redirectUrl;
    notify?.(details.redirectUrl);
  };
  events?.addListener(listener, { urls: ['<all_urls>'] });
  const stop = () => events?.removeListener(listener);
  return {
    stop,
    target: (timeoutMs) =>
      new Promise((resolve) => {
        if (seen !== null || !events) {
          stop();
          resolve(seen);
          return;
        }
        const timer = setTimeout(() => {
          stop();
          resolve(null);
        }, timeoutMs);
        notify = (target) => {
          clearTimeout(timer);
          stop();
          resolve(target);
        };
      }),
  };
}
