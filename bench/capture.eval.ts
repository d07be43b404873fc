/**
 * `npm run eval:capture`: Aside's page capture on the 130 real pages of
 * Readability's test corpus, in the built extension in headless Chromium,
 * through the same `page.capture` request a user's action sends. Per page:
 * success, title/byline/siteName against Readability's expected metadata,
 * token F1 against the expected article, the time the capture took in the
 * page, and bare Readability's time on the same page in the same run, so
 * what Aside adds shows as a ratio.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { BrowserContext, Page } from 'playwright-core';
import { launchAside, openExtensionPage } from '../tests/e2e/support/extension';
import { startPageServer } from '../tests/e2e/support/page-server';
import { captureInTab, rawReadabilityMs, withTimeout } from './capture-browser';
import { markdownText, overlap, tokens } from './capture-f1';
import { metadataMatches, printMisses, type Row, summarize } from './capture-rows';
import { report } from './stats';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpora/readability');
/** A capture slower than this counts as a hang: a failure, and the eval moves on. */
const timeoutMs = 20_000;

interface ExpectedMetadata {
  readonly title: string | null;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly readerable: boolean;
}

function expectedOf(name: string) {
  const dir = path.join(corpus, name);
  const metadata = JSON.parse(fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata;
  const html = fs.readFileSync(path.join(dir, 'expected.html'), 'utf8');
  return { metadata, text: new JSDOM(html).window.document.body.textContent ?? '' };
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * Runs `use` on `url` freshly loaded in a new tab, which it closes afterwards:
 * a new content script with an empty capture cache each time, and a tab
 * whose page hangs is closed with it.
 */
async function inFreshTab<T>(context: BrowserContext, url: string, use: (tab: Page) => Promise<T>): Promise<T> {
  const tab = await context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    // tsx (esbuild) wraps named functions in a `__name` helper that pages lack.
    await tab.evaluate('globalThis.__name = (fn) => fn');
    return await use(tab);
  } finally {
    await withTimeout(tab.close(), 5_000, 'closing the tab').catch(() => {});
  }
}

async function main() {
  const names = fs
    .readdirSync(corpus)
    .filter((name) => fs.existsSync(path.join(corpus, name, 'source.html')))
    .sort();
  const server = await startPageServer();
  // No egress proxy in the path: the timings are the browser's own.
  const aside = await launchAside({ unaudited: true });
  const rows: Row[] = [];
  try {
    const extensionPage = await openExtensionPage(aside, 'options.html');
    await extensionPage.evaluate('globalThis.__name = (fn) => fn');
    for (const [index, name] of names.entries()) {
      const expected = expectedOf(name);
      const { title, byline, siteName, readerable } = expected.metadata;
      const url = server.corpusUrl(name);
      const row: Row = { page: name, readerable, captured: false, expected: { title, byline, siteName } };
      try {
        await inFreshTab(aside.context, url, async (tab) => {
          const outcome = await withTimeout(captureInTab(extensionPage, url), timeoutMs, 'capture');
          if (!outcome.ok) throw new Error(outcome.error);
          const { page } = outcome;
          row.captured = page.markdown.trim() !== '';
          row.got = { title: page.title, byline: page.byline, siteName: page.siteName };
          row.matches = metadataMatches(row.expected, row.got);
          row.method = page.method;
          row.cutAtCapture = page.cutAtCapture;
          row.markdownChars = page.markdown.length;
          row.rawHtmlTables = page.markdown.match(/<table\b/gi)?.length ?? 0;
          row.score = overlap(tokens(expected.text), tokens(markdownText(page.markdown)));
          if (page.captureMs !== undefined) row.captureMs = page.captureMs;
          // Kept for comparison only: a second parse of a page runs about twice as fast as the first.
          row.rawAfterCaptureMs = await withTimeout(rawReadabilityMs(tab), timeoutMs, 'raw Readability');
        });
      } catch (error) {
        row.error = firstLine(error);
      }
      try {
        // The baseline on its own fresh load, so that it is as cold as the capture was.
        row.rawMs = await inFreshTab(aside.context, url, (tab) =>
          withTimeout(rawReadabilityMs(tab), timeoutMs, 'raw Readability'),
        );
      } catch (error) {
        row.rawError = firstLine(error);
      }
      rows.push(row);
      if ((index + 1) % 25 === 0) console.log(`${index + 1}/${names.length} pages`);
    }
  } finally {
    await aside.close();
    await server.close();
  }
  printMisses(rows);
  report('capture', summarize(rows), { rows });
}

await main();
