import { defineContentScript } from 'wxt/utils/define-content-script';
import { serveContentRequests } from '../lib/content/serve-content-requests';

/** Page capture, selection, search results and the card's runs: injected by the background on the first request. */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main(ctx) {
    const marker = Symbol.for('aside.page-tools-loaded');
    const scope = globalThis as { [marker]?: boolean };
    if (scope[marker]) return;
    scope[marker] = true;
    // An extension reload invalidates this context; the next version's tools must be able to load.
    ctx.signal.addEventListener('abort', () => {
      scope[marker] = false;
    });
    serveContentRequests(ctx.signal);
  },
});
