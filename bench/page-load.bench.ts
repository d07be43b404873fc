/**
 * What Aside adds to every page load, when the user does nothing: its
 * always-loaded content script is parsed, compiled and run on the page's main
 * thread. Real pages from the Readability corpus load in headless Chromium
 * with the extension and, in the same run, in a second Chromium without it
 * (the baseline: same binary, flags and pages, loads interleaved). Per load,
 * DevTools' `Performance.getMetrics` gives the renderer's main-thread
 * ScriptDuration and TaskDuration once the page has settled (the content
 * script runs at document_idle); the headline is the median with the
 * extension minus the median without it, per page, then the median over
 * pages. TaskDuration (all main-thread work, layout and paint included) is
 * kept per page in the details only: on a loaded machine its spread is far
 * larger than a content script's cost. Requests off 127.0.0.1 are aborted in
 * both browsers.
 * Run: npx tsx bench/page-load.bench.ts (after `npx wxt build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { chromiumPath, extensionDir, launchAside } from '../tests/e2e/support/extension';
import { startPageServer } from '../tests/e2e/support/page-server';
import { median, report, round } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const corpusPages = ['wikipedia', 'nytimes-1', 'guardian-1'];

interface Sample {
  readonly scriptMs: number;
  readonly taskMs: number;
}

type Metrics = Record<string, number>;

/** Loads `url` in a fresh tab and returns the main thread's script and task time once the page is quiet. */
async function loadOnce(context: BrowserContext, url: string, extensionId?: string): Promise<Sample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    let isolatedWorld = false;
    cdp.on('Runtime.executionContextCreated', ({ context: world }) => {
      if (world.auxData?.type === 'isolated' && extensionId && world.origin.includes(extensionId)) isolatedWorld = true;
    });
    await cdp.send('Runtime.enable');
    await cdp.send('Performance.enable');
    const read = async (): Promise<Metrics> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    };
    const before = await read();
    await page.goto(url, { waitUntil: 'load' });
    // With the extension, its world must exist; then both wait for 300 ms without new script time.
    const deadline = Date.now() + 15_000;
    while (extensionId && !isolatedWorld && Date.now() < deadline) await page.waitForTimeout(20);
    let last = await read();
    for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
      await page.waitForTimeout(100);
      const now = await read();
      quiet = now.ScriptDuration === last.ScriptDuration ? quiet + 1 : 0;
      last = now;
    }
    const ms = (name: string) => ((last[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return { scriptMs: ms('ScriptDuration'), taskMs: ms('TaskDuration') };
  } finally {
    await page.close();
  }
}

async function localOnly(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
}

async function main() {
  const pages = await startPageServer();
  const aside = await launchAside({ unaudited: true });
  const plain = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const bare = await plain.newContext();
  await Promise.all([localOnly(aside.context), localOnly(bare)]);
  const perPage: Record<string, { addedScriptMs: number; addedTaskMs: number; baseScriptMs: number }> = {};
  const raw: Record<string, { with: Sample[]; without: Sample[] }> = {};
  try {
    for (const name of corpusPages) {
      const url = pages.corpusUrl(name);
      // One load each first: the HTTP cache and the code cache warm up as they do for a reader.
      await loadOnce(aside.context, url, aside.extensionId);
      await loadOnce(bare, url);
      const withAside: Sample[] = [];
      const without: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        withAside.push(await loadOnce(aside.context, url, aside.extensionId));
        without.push(await loadOnce(bare, url));
      }
      const m = (samples: Sample[], key: keyof Sample) => median(samples.map((s) => s[key]));
      perPage[name] = {
        addedScriptMs: round(m(withAside, 'scriptMs') - m(without, 'scriptMs')),
        addedTaskMs: round(m(withAside, 'taskMs') - m(without, 'taskMs')),
        baseScriptMs: round(m(without, 'scriptMs')),
      };
      raw[name] = { with: withAside, without };
    }
  } finally {
    await Promise.all([aside.close(), plain.close()]);
    await pages.close();
  }
  const all = Object.values(perPage);
  const sizeKB = (file: string) => {
    const full = path.join(extensionDir, 'content-scripts', file);
    return fs.existsSync(full) ? round(fs.statSync(full).size / 1024, 1) : -1;
  };
  report(
    'page-load',
    {
      addedScriptMs: round(median(all.map((p) => p.addedScriptMs))),
      baselineScriptMs: round(median(all.map((p) => p.baseScriptMs))),
      contentScriptKB: sizeKB('content.js'),
    },
    { runs, perPage, raw },
  );
}

await main();
