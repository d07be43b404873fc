/**
 * What a user waits for between finishing a selection and seeing Aside's
 * toolbar, in the real extension in headless Chromium. Since the trust
 * boundary (issue 13) the user's actions live in the background's IndexedDB,
 * so the toolbar asks the background for their names each time it opens:
 * - warmMs: selection (mouseup) → toolbar in the page, the service worker running;
 * - coldMs: the same right after the service worker was stopped (as Chrome
 *   does after 30 s idle), so the request also wakes it.
 * The toolbar's buttons come from a mirror in `storage.local`
 * (lib/actions/toolbar-actions-item.ts), so neither case should wait for the
 * worker: the first version of this change asked the background on every
 * selection, and this benchmark measured 811 ms cold against 370 ms warm.
 * Baseline from the same run: the toolbar's configured rest delay
 * (`toolbarDelayMs`), the floor any selection waits; the ratios say what the
 * round trip adds on top of it.
 * Run: npx tsx bench/toolbar.bench.ts (after `npx wxt build`).
 */
import { EmbeddedUi } from '../tests/e2e/support/embedded-ui';
import { stopServiceWorker } from '../tests/e2e/support/service-worker';
import { startSession } from '../tests/e2e/support/session';
import { median, percentile, report, round } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 12);
/** The default rest delay (lib/actions/embedded-settings.ts). */
const delayMs = 350;

async function main() {
  // No egress proxy in the path: the figures are the browser's own.
  const s = await startSession({ unaudited: true });
  const ui = new EmbeddedUi(s.tab);
  try {
    await s.show(s.pages.fixtureUrl('embedded.html'));
    const timeToToolbar = async (): Promise<number> => {
      await s.tab.evaluate(() => getSelection()?.removeAllRanges());
      while ((await ui.count('[data-testid="aside-toolbar"]')) > 0) await s.tab.waitForTimeout(10);
      const started = performance.now();
      await s.tab.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('english') as HTMLElement);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      });
      while ((await ui.count('[data-testid="aside-toolbar"] button')) === 0) await s.tab.waitForTimeout(2);
      return performance.now() - started;
    };
    // The first selection injects the toolbar's script: not what later selections wait for.
    await timeToToolbar();
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) {
      warm.push(await timeToToolbar());
      // Stopped (if the last selection did not wake it, it is still stopped).
      await stopServiceWorker(s.aside).catch(() => {});
      cold.push(await timeToToolbar());
    }
    const warmMs = median(warm);
    const coldMs = median(cold);
    report(
      'toolbar',
      {
        warmMs: round(warmMs),
        coldMs: round(coldMs),
        delayMs,
        warmOverDelay: round(warmMs / delayMs),
        coldOverDelay: round(coldMs / delayMs),
      },
      { runs, warmP90Ms: round(percentile(warm, 90)), coldP90Ms: round(percentile(cold, 90)), warm, cold },
    );
  } finally {
    await ui.close();
    await s.close();
  }
}

await main();
