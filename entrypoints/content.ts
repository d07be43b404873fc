import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchForAutoSave } from '../lib/content/auto-save-watch';
import { watchForEmbedded } from '../lib/content/embedded/lazy-embedded';
import { loadPageTools } from '../lib/content/loader/load-page-tools';
import { relayTabRequests } from '../lib/content/loader/relay-tab-requests';

/**
 * The only script in every page, so it stays small (no zod, React or
 * Readability; see README "Per-page cost"): it relays the background's
 * requests to the page tools, loaded on the first one, waits for a selection
 * worth the toolbar, and watches for automatic saving when that is on.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    relayTabRequests(ctx.signal, loadPageTools);
    // Embedded mode only in the top frame: one toolbar per tab.
    if (window.top === window) watchForEmbedded(ctx.signal);
    void watchForAutoSave(ctx.signal);
  },
});
