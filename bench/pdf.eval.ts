/**
 * `npx wxt build && npx tsx bench/pdf.eval.ts` (meant as `npm run eval:pdf`):
 * the 130 real pages of Readability's test corpus printed to PDF by Chromium
 * (`Page.printToPDF`, through Playwright's `page.pdf()`), then each extracted
 * by Aside's PDF path in the built extension — the background's
 * `offscreen.extractPdf` request, sent from the service worker, run by pdf.js
 * in the offscreen document — and compared with the corpus's expected article.
 *
 * A printed page carries the site's navigation, sidebars and footer, which
 * Readability drops from the expected text. So three figures per document:
 * raw token F1 (everything extracted), recall (how much of the article the
 * PDF gave back), and article F1: the extracted tokens cut to the span from
 * the first to the last place where a run of 4 of the article's tokens
 * appears (what precedes the article's start and follows its end is the
 * page's chrome, the way print-to-PDF lays it out).
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { withoutPageMarkers } from '../lib/capture/page-markers';
import type { PdfExtraction } from '../lib/pdf/pdf-extraction';
import { launchAside } from '../tests/e2e/support/extension';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { startPageServer } from '../tests/e2e/support/page-server';
import { withTimeout } from './capture-browser';
import { markdownText, overlap, tokens } from './capture-f1';
import { median, percentile, report, round } from './stats';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpora/readability');
const timeoutMs = 60_000;
const gram = 4;

type Reply = { ok: true; value: PdfExtraction } | { ok: false; error: { code: string; message: string } };

interface Row {
  readonly doc: string;
  cjk: boolean;
  pdfBytes?: number;
  pages?: number;
  extractMs?: number;
  f1?: number;
  recall?: number;
  articleF1?: number;
  error?: string;
}

const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The extracted tokens from where the article's first run of `gram` tokens appears to where its last one ends. */
function articleSpan(expected: readonly string[], actual: readonly string[]): string[] {
  const key = (list: readonly string[], i: number) => list.slice(i, i + gram).join('\u0001');
  const expectedGrams = new Set<string>();
  for (let i = 0; i + gram <= expected.length; i++) expectedGrams.add(key(expected, i));
  let first = -1;
  let last = -1;
  for (let i = 0; i + gram <= actual.length; i++) {
    if (!expectedGrams.has(key(actual, i))) continue;
    if (first < 0) first = i;
    last = i + gram;
  }
  return first < 0 ? [...actual] : actual.slice(first, last);
}

/** Extracts a PDF in the real extension: the service worker sends the background's own request to the offscreen document. */
async function extract(aside: Awaited<ReturnType<typeof launchAside>>, pdf: Buffer): Promise<Reply> {
  return aside.serviceWorker.evaluate(
    async ({ data }) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal & {
        chrome: {
          runtime: { getURL(path: string): string; getContexts(filter: object): Promise<unknown[]> };
          offscreen: { createDocument(options: object): Promise<void> };
        };
      };
      const url = chrome.runtime.getURL('/offscreen.html');
      if (
        (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length === 0
      ) {
        await chrome.offscreen.createDocument({ url, reasons: ['WORKERS', 'DOM_PARSER'], justification: 'eval' });
      }
      const envelope = { aside: 1, type: 'offscreen.extractPdf', payload: { data, maxPages: 200 } };
      return (await chrome.runtime.sendMessage(envelope)) as never;
    },
    { data: pdf.toString('base64') },
  );
}

async function main() {
  const names = fs
    .readdirSync(corpus)
    .filter((name) => fs.existsSync(path.join(corpus, name, 'source.html')))
    .sort()
    // PDF_EVAL_LIMIT=n: the first n documents only, for a quick look.
    .slice(0, Number(process.env.PDF_EVAL_LIMIT) || undefined);
  const server = await startPageServer();
  // No egress proxy in the path: the timings are the browser's own.
  const aside = await launchAside({ unaudited: true });
  const rows: Row[] = [];
  try {
    for (const [index, doc] of names.entries()) {
      // A fresh tab per document, with the page's scripts off: a page whose script spins cannot hold up the rest.
      const printer = await aside.context.newPage();
      const cdp = await aside.context.newCDPSession(printer);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      const html = fs.readFileSync(path.join(corpus, doc, 'expected.html'), 'utf8');
      const expected = tokens(new JSDOM(html).window.document.body.textContent ?? '');
      const row: Row = { doc, cjk: expected.filter((t) => cjkChar.test(t)).length > expected.length * 0.3 };
      try {
        await printer.goto(server.corpusUrl(doc), { waitUntil: 'domcontentloaded', timeout: timeoutMs });
        const pdf = await withTimeout(printer.pdf({ printBackground: false }), timeoutMs, 'printing');
        row.pdfBytes = pdf.length;
        const reply = await withTimeout(extract(aside, pdf), timeoutMs, 'extraction');
        if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
        const actual = tokens(markdownText(withoutPageMarkers(reply.value.markdown)));
        const raw = overlap(expected, actual);
        row.pages = reply.value.pagesRead;
        row.extractMs = reply.value.ms;
        row.f1 = raw.f1;
        row.recall = raw.recall;
        row.articleF1 = overlap(expected, articleSpan(expected, actual)).f1;
      } catch (error) {
        row.error = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      } finally {
        await withTimeout(printer.close(), timeoutMs, 'closing').catch(() => undefined);
      }
      rows.push(row);
      if ((index + 1) % 25 === 0) console.log(`${index + 1}/${names.length} documents`);
    }
  } finally {
    await aside.close();
    await server.close();
  }
  const done = rows.filter((row) => row.articleF1 !== undefined);
  const cjk = done.filter((row) => row.cjk);
  const pick = (list: readonly Row[], key: 'f1' | 'recall' | 'articleF1') => list.map((row) => row[key] as number);
  for (const row of rows.filter((r) => r.error || (r.articleF1 ?? 0) < 0.8)) {
    console.log(
      `  ${row.doc}: ${row.error ?? `article F1 ${round(row.articleF1 ?? 0)}, raw F1 ${round(row.f1 ?? 0)}`}`,
    );
  }
  report(
    'pdf',
    {
      docs: rows.length,
      extracted: done.length,
      medianF1: round(median(pick(done, 'articleF1')), 3),
      shareF1AtLeast90: round(done.filter((row) => (row.articleF1 ?? 0) >= 0.9).length / Math.max(1, rows.length), 3),
      cjkDocs: rows.filter((row) => row.cjk).length,
      cjkMedianF1: round(median(pick(cjk, 'articleF1')), 3),
      medianPagesPerSec: round(
        median(done.map((row) => (row.pages ?? 0) / Math.max(0.001, (row.extractMs ?? 0) / 1000))),
        1,
      ),
      p95ExtractMs: round(
        percentile(
          done.map((row) => row.extractMs ?? 0),
          95,
        ),
        0,
      ),
      medianRawF1: round(median(pick(done, 'f1')), 3),
      medianRecall: round(median(pick(done, 'recall')), 3),
      cjkMedianRawF1: round(median(pick(cjk, 'f1')), 3),
    },
    { rows },
  );
}

await main();
