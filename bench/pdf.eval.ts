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
 * PDF gave back), and article F1: the extracted tokens cut to the span that
 * best matches the article (bench/article-span.ts: tokens in a run of 4 also
 * found in the article count +1, others −1, and the span is the maximum-sum
 * segment). The same rule for every page; what is printed inside that span
 * (a sidebar between two parts of the article) still counts against it.
 *
 * Each page is printed as a reader's browser shows it: its inline scripts run
 * (the page server's CSP is bypassed for the printing tab), nothing from other
 * hosts loads. Two pages cannot give a PDF with text, whatever the harness does
 * (see README): la-nacion's printing never returns in Chromium 156 (an empty
 * block inside an inline in a list item, `<li><a><div></div></a></li>`, hangs
 * `Page.printToPDF`), and seattletimes-1 as stored is blank in any browser
 * (`body { visibility: hidden !important }`, which only a script wrapped in a
 * literal `<![CDATA[`, a syntax error in HTML, would remove).
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { withoutPageMarkers } from '../lib/capture/page-markers';
import type { PdfExtraction } from '../lib/pdf/pdf-extraction';
import { launchAside } from '../tests/e2e/support/extension';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { startPageServer } from '../tests/e2e/support/page-server';
import { articleSpan } from './article-span';
import { withTimeout } from './capture-browser';
import { markdownText, overlap, tokens } from './capture-f1';
import { median, percentile, report, round } from './stats';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpora/readability');
const timeoutMs = 60_000;

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
    // PDF_EVAL_PAGES=a,b: those documents only; PDF_EVAL_LIMIT=n: the first n. For a quick look.
    .filter((name) => !process.env.PDF_EVAL_PAGES || process.env.PDF_EVAL_PAGES.split(',').includes(name))
    .slice(0, Number(process.env.PDF_EVAL_LIMIT) || undefined);
  const server = await startPageServer();
  // No egress proxy in the path: the timings are the browser's own.
  const aside = await launchAside({ unaudited: true });
  const rows: Row[] = [];
  try {
    for (const [index, doc] of names.entries()) {
      // A fresh tab per document. The page's own inline scripts run, as in a reader's browser (the page
      // server's CSP, meant to keep E2E tests offline, would block them): some pages hide themselves with CSS
      // until a script shows them (engadget's frame-busting `html { display: none }`, the Seattle Times'
      // anti-flicker `body { visibility: hidden }`), and without their scripts they print blank. Nothing is
      // fetched from other hosts: the corpus is offline, and the run repeatable.
      const printer = await aside.context.newPage();
      const cdp = await aside.context.newCDPSession(printer);
      await cdp.send('Page.setBypassCSP', { enabled: true });
      await printer.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort(),
      );
      const html = fs.readFileSync(path.join(corpus, doc, 'expected.html'), 'utf8');
      const expected = tokens(new JSDOM(html).window.document.body.textContent ?? '');
      const row: Row = { doc, cjk: expected.filter((t) => cjkChar.test(t)).length > expected.length * 0.3 };
      try {
        await printer.goto(server.corpusUrl(doc), { waitUntil: 'domcontentloaded', timeout: timeoutMs });
        const pdf = await withTimeout(printer.pdf({ printBackground: false }), timeoutMs, 'printing');
        row.pdfBytes = pdf.length;
        const reply = await withTimeout(extract(aside, pdf), timeoutMs, 'extraction');
        if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
        // PDF_EVAL_DUMP=dir: each document's extracted Markdown, to read where the figures come from.
        if (process.env.PDF_EVAL_DUMP) {
          fs.mkdirSync(process.env.PDF_EVAL_DUMP, { recursive: true });
          fs.writeFileSync(path.join(process.env.PDF_EVAL_DUMP, `${doc}.md`), reply.value.markdown);
        }
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
      cjkMedianRecall: round(median(pick(cjk, 'recall')), 3),
    },
    { rows },
  );
}

await main();
