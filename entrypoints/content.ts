import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchForAutoSave } from '../lib/content/auto-save-watch';
import { mountEmbedded } from '../lib/content/embedded/mount-embedded';
import { serveContentRequests } from '../lib/content/serve-content-requests';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    // Embedded mode only in the top frame: one toolbar per tab.
    const runEmbedded = window.top === window ? mountEmbedded(ctx.signal) : undefined;
    serveContentRequests(ctx.signal, runEmbedded);
    void watchForAutoSave(ctx.signal);
  },
});
