import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { browser } from 'wxt/browser';
import { guessLanguage } from '../capture/language';
import { withoutPageMarkers } from '../capture/page-markers';
import { AsideError } from '../messaging/errors';
import { ideographsForRadicals } from './cjk-radicals';
import { columnOrder } from './pdf-columns';
import type { PdfExtraction } from './pdf-extraction';
import { pdfLimits } from './pdf-limits';
import { type PdfTextItem, pageLines, pageParagraphs } from './pdf-lines';
import { type PageParagraphs, pdfMarkdown } from './pdf-markdown';
import { readOutline } from './pdf-outline';

/** pdf.js's worker, CMaps, standard fonts and WASM decoders, shipped in the extension (wxt.config.ts). */
const assets = () => browser.runtime.getURL('/pdfjs/' as '/');

/**
 * Extracts a PDF's text as Markdown with Mozilla's pdf.js, in an extension
 * page (the offscreen document).
 * Parsing runs in pdf.js's own worker, off the page's thread; every file it
 * needs comes from the extension, so Chinese, Japanese and Korean PDFs whose
 * fonts use Adobe's CMaps extract without any download. Throws AsideError
 * `pdf-encrypted` (a password is needed), `pdf-broken` (not a readable PDF)
 * or `pdf-no-text` (no text layer: a scan).
 */
export async function extractPdf(data: Uint8Array, maxPages: number = pdfLimits.maxPages): Promise<PdfExtraction> {
  const started = performance.now();
  GlobalWorkerOptions.workerSrc = `${assets()}pdf.worker.mjs`;
  const task = getDocument({
    data,
    cMapUrl: `${assets()}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${assets()}standard_fonts/`,
    wasmUrl: `${assets()}wasm/`,
    iccUrl: `${assets()}iccs/`,
    // Text only: no fonts are loaded into the page, and nothing is rendered.
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    throw loadError(error);
  }
  try {
    const pagesToRead = Math.min(doc.numPages, Math.max(1, maxPages));
    const pages: PageParagraphs[] = [];
    for (let n = 1; n <= pagesToRead; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item).map(layoutItem);
      pages.push({ page: n, paragraphs: pageParagraphs(columnOrder(pageLines(items))) });
      page.cleanup();
      if (performance.now() - started > pdfLimits.maxMs) break;
    }
    const outline = await readOutline(doc).catch(() => []);
    const full = pdfMarkdown(pages, outline);
    const text = withoutPageMarkers(full);
    if ((text.match(/\p{L}/gu)?.length ?? 0) < pdfLimits.minTextChars) {
      throw new AsideError('pdf-no-text', 'This PDF has no text layer (it may be a scan).');
    }
    const markdown = full.slice(0, pdfLimits.maxMarkdownChars);
    const info = (await doc.getMetadata().catch(() => null))?.info as
      | { Title?: unknown; Language?: unknown }
      | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
    const lang =
      typeof info?.Language === 'string' && info.Language.trim() ? info.Language.trim() : guessLanguage(text);
    return {
      markdown,
      pages: doc.numPages,
      pagesRead: pages.length,
      title,
      lang,
      cut: pages.length < doc.numPages || markdown.length < full.length,
      ms: performance.now() - started,
    };
  } finally {
    await task.destroy().catch(() => {});
  }
}

/** pdf.js's item reduced to what layout needs: position, size and width in PDF units; radicals read as ideographs. */
function layoutItem(item: TextItem): PdfTextItem {
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
  return {
    str: ideographsForRadicals(item.str),
    x,
    y,
    size: Math.hypot(c, d) || item.height,
    width: item.width,
    hasEOL: item.hasEOL,
  };
}

/** pdf.js's errors cross its worker as objects with a name: a password, or a file that is not a PDF. */
function loadError(error: unknown): AsideError {
  const name = (error as { name?: unknown } | null)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new AsideError('pdf-encrypted', 'This PDF is protected by a password.', { detail });
  }
  return new AsideError('pdf-broken', 'This file is not a readable PDF.', { detail });
}
