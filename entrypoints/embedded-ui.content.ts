import { defineContentScript } from 'wxt/utils/define-content-script';
import { provideEmbeddedRun } from '../lib/content/embedded/lazy-embedded';
import { mountEmbedded } from '../lib/content/embedded/mount-embedded';

/** The selection toolbar and result card, injected by the background on first use (see lazy-embedded.ts). */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main(ctx) {
    const marker = Symbol.for('aside.embedded-ui');
    const scope = globalThis as { [marker]?: boolean };
    if (scope[marker]) return;
    scope[marker] = true;
    provideEmbeddedRun(mountEmbedded(ctx.signal));
  },
});
