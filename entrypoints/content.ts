import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchForAutoSave } from '../lib/content/auto-save-watch';
import { watchForEmbedded } from '../lib/content/embedded/lazy-embedded';
import { serveContentRequests } from '../lib/content/serve-content-requests';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    // Embedded mode only in the top frame: one toolbar per tab.
    const runEmbedded = window.top === window ? watchForEmbedded(ctx.signal) : undefined;
    serveContentRequests(ctx.signal, runEmbedded);
    void watchForAutoSave(ctx.signal);
  },
});
