import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchForAutoSave } from '../lib/content/auto-save-watch';
import { serveContentRequests } from '../lib/content/serve-content-requests';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    serveContentRequests(ctx.signal);
    void watchForAutoSave(ctx.signal);
  },
});
