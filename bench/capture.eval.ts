/**
 * `npm run eval:capture`: Aside's page capture on the 130 real pages of
 * Readability's corpus, in the real extension in headless Chromium, through
 * the same message a user's action sends. Per page: success, metadata equal
 * to the expected, token F1 against the expected article, time in the page,
 * and the same page's bare `new Readability(clone).parse()` time measured in
 * the same browser run, so Aside's overhead is a ratio.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import type { CapturedPage } from '../lib/capture/page-context';
import { launchAside, openExtensionPage } from '../tests/e2e/support/extension';
import { corporaDir, startPageServer } from '../tests/e2e/support/page-server';
import { f1, markdownText, tokens } from './capture-f1';
import { median, percentile, report, round } from './stats';

interface Expected {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  readerable: boolean;
}

interface Row {
  page: string;
  captured: boolean;
  error?: string;
  readerable: boolean;
  titleMatch: boolean;
  bylineMatch: boolean;
  siteNameMatch: boolean;
  f1: number;
  captureMs?: number;
  rawMs?: number;
}

const require = createRequire(import.meta.url);
const readabilitySource = fs.readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
const corpus = path.join(corporaDir, 'readability');
const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim() === (b ?? '').trim();
const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)),
  ]);

/** Asks the tab's content script for a capture, as the background does for a user. */
async function capture(
  extensionPage: Page,
  url: string,
): Promise<{ ok: boolean; value?: CapturedPage; error?: { message: string } }> {
  return extensionPage.evaluate(async (pageUrl) => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object): Promise<unknown> };
        };
      }
    ).chrome;
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    if (tab?.id === undefined) return { ok: false, error: { message: 'tab not found' } };
    return (await chrome.tabs.sendMessage(tab.id, { aside: 1, type: 'page.capture', payload: {} })) as never;
  }, url);
}

async function main() {
  const pages = await startPageServer();
  const aside = await launchAside({ unaudited: true });
  const rows: Row[] = [];
  try {
    const extensionPage = await openExtensionPage(aside, 'options.html');
    const tab = await aside.context.newPage();
    const names = fs
      .readdirSync(corpus)
      .filter((name) => fs.existsSync(path.join(corpus, name, 'source.html')))
      .sort();
    for (const name of names) {
      const expected = JSON.parse(
        fs.readFileSync(path.join(corpus, name, 'expected-metadata.json'), 'utf8'),
      ) as Expected;
      const expectedText =
        new JSDOM(fs.readFileSync(path.join(corpus, name, 'expected.html'), 'utf8')).window.document.body
          ?.textContent ?? '';
      const url = pages.corpusUrl(name);
      const row: Row = {
        page: name,
        captured: false,
        readerable: expected.readerable,
        titleMatch: false,
        bylineMatch: false,
        siteNameMatch: false,
        f1: 0,
      };
      try {
        await tab.goto(url, { waitUntil: 'load' });
        const reply = await withTimeout(capture(extensionPage, url), 20_000);
        if (!reply.ok || !reply.value) throw new Error(reply.error?.message ?? 'no capture');
        const captured = reply.value;
        row.captured = captured.markdown.trim().length > 0;
        row.titleMatch = same(captured.title, expected.title);
        row.bylineMatch = same(captured.byline, expected.byline);
        row.siteNameMatch = same(captured.siteName, expected.siteName);
        row.f1 = f1(tokens(expectedText), tokens(markdownText(captured.markdown)));
        if (captured.captureMs !== undefined) row.captureMs = captured.captureMs;
        // The bare baseline, in the same page of the same browser. Evaluated over CDP
        // rather than added as a <script>, which the pages' strict CSP would block.
        row.rawMs = await tab.evaluate(
          `(() => { ${readabilitySource}; const t = performance.now(); new Readability(document.cloneNode(true)).parse(); return performance.now() - t; })()`,
        );
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error);
      }
      rows.push(row);
    }
  } finally {
    await aside.close();
    await pages.close();
  }

  const readerable = rows.filter((row) => row.readerable);
  const ratios = rows
    .filter((row) => row.captureMs !== undefined && (row.rawMs ?? 0) > 0.5)
    .map((row) => (row.captureMs ?? 0) / (row.rawMs ?? 1));
  const captureTimes = rows.flatMap((row) => (row.captureMs === undefined ? [] : [row.captureMs]));
  const headline = {
    pages: rows.length,
    captured: rows.filter((row) => row.captured).length,
    titleMatch: rows.filter((row) => row.titleMatch).length,
    bylineMatch: rows.filter((row) => row.bylineMatch).length,
    siteNameMatch: rows.filter((row) => row.siteNameMatch).length,
    medianF1: round(median(readerable.map((row) => row.f1)), 4),
    shareF1AtLeast90: round(readerable.filter((row) => row.f1 >= 0.9).length / readerable.length, 4),
    medianOverheadRatio: round(median(ratios), 3),
    medianCaptureMs: round(median(captureTimes)),
    p95CaptureMs: round(percentile(captureTimes, 95)),
    medianRawMs: round(median(rows.flatMap((row) => (row.rawMs === undefined ? [] : [row.rawMs])))),
  };
  console.log('misses (readerable pages with F1 < 0.9, failed captures, metadata differences):');
  for (const row of rows) {
    const misses = [
      row.error ? `error: ${row.error}` : '',
      row.readerable && row.f1 < 0.9 ? `F1 ${row.f1.toFixed(3)}` : '',
      row.titleMatch ? '' : 'title',
      row.bylineMatch ? '' : 'byline',
      row.siteNameMatch ? '' : 'siteName',
    ].filter(Boolean);
    if (misses.length > 0) console.log(`  ${row.page.padEnd(40)} ${misses.join(', ')}`);
  }
  report('capture', headline, { rows });
}

await main();
