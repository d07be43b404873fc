import { browser } from 'wxt/browser';
import type { CapturedPage } from '../capture/page-context';
import { AsideError } from '../messaging/errors';
import { callOffscreen } from '../messaging/requests';
import { ensureOffscreenDocument } from '../rag/offscreen-document';
import { bytesToBase64 } from './bytes-base64';
import { fetchPdf } from './fetch-pdf';
import type { PdfExtraction } from './pdf-extraction';
import { pdfLimits } from './pdf-limits';

/** The last extractions, by the SHA-256 of the bytes: the preview and the question that follows read one PDF once. */
const recent = new Map<string, PdfExtraction>();
const recentSize = 3;
/** Extractions under way, by URL: a preview and a save started together share one. */
const running = new Map<string, Promise<CapturedPage>>();

/**
 * Reads the PDF a tab shows: the background fetches its bytes from the tab's
 * URL (fetch-pdf.ts) and the offscreen document extracts the text with pdf.js.
 * The record's URL is the tab's, without its `#page=` fragment.
 */
export function capturePdfTab(url: string, tabTitle: string | undefined): Promise<CapturedPage> {
  const address = url.replace(/#.*$/, '');
  let capture = running.get(address);
  if (!capture) {
    capture = readPdf(address, tabTitle).finally(() => running.delete(address));
    running.set(address, capture);
  }
  return capture;
}

async function readPdf(url: string, tabTitle: string | undefined): Promise<CapturedPage> {
  const bytes = await fetchPdf(url);
  const hash = await sha256(bytes);
  const extraction = recent.get(hash) ?? (await extractInOffscreen(bytes));
  recent.delete(hash);
  recent.set(hash, extraction);
  for (const key of recent.keys()) if (recent.size > recentSize) recent.delete(key);
  const site = new URL(url).protocol === 'file:' ? null : new URL(url).hostname;
  return {
    url,
    title: extraction.title ?? fileTitle(url, tabTitle),
    byline: null,
    siteName: site,
    lang: extraction.lang,
    excerpt: null,
    publishedTime: null,
    markdown: extraction.markdown,
    method: 'pdf',
    cutAtCapture: extraction.cut,
    captureMs: extraction.ms,
    kind: { kind: 'pdf', pages: extraction.pages, pagesRead: extraction.pagesRead },
  };
}

/** Extracts PDF bytes with pdf.js in the offscreen document (a tab's PDF, or a local file the panel read). */
export async function extractInOffscreen(bytes: Uint8Array): Promise<PdfExtraction> {
  if (!browser.offscreen) {
    // Firefox has no offscreen document, but its MV2 background is a page: it has a DOM and starts pdf.js's worker.
    if (import.meta.env.FIREFOX) return (await import('./extract-pdf')).extractPdf(bytes, pdfLimits.maxPages);
    throw new AsideError('pdf-unavailable', 'PDFs in tabs cannot be read in this browser yet.');
  }
  await ensureOffscreenDocument();
  return callOffscreen('offscreen.extractPdf', { data: bytesToBase64(bytes), maxPages: pdfLimits.maxPages });
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A title for a PDF without one: the tab's, unless that is only the address, else the file name. */
function fileTitle(url: string, tabTitle: string | undefined): string {
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || url;
  if (!tabTitle || url.includes(tabTitle) || tabTitle.includes('/')) return name;
  return tabTitle;
}
