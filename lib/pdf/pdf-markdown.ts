import { escapeMarkerLike, pageMarker } from '../capture/page-markers';
import type { PdfParagraph } from './pdf-lines';

/** An entry of the PDF's outline (bookmarks): its title, depth (0 = top) and 1-based page. */
export interface OutlineEntry {
  readonly title: string;
  readonly depth: number;
  readonly page: number;
}

/** Paragraphs of one page, with its 1-based number. */
export interface PageParagraphs {
  readonly page: number;
  readonly paragraphs: readonly PdfParagraph[];
}

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The font size most of the document's text is set in: the body text. */
function bodySize(pages: readonly PageParagraphs[]): number {
  const chars = new Map<number, number>();
  for (const { paragraphs } of pages) {
    for (const paragraph of paragraphs) {
      const size = Math.round(paragraph.size * 2) / 2;
      chars.set(size, (chars.get(size) ?? 0) + paragraph.text.length);
    }
  }
  let best = 0;
  let bestChars = -1;
  for (const [size, count] of chars) {
    if (count > bestChars) {
      best = size;
      bestChars = count;
    }
  }
  return best;
}

const looksLikeHeading = (paragraph: PdfParagraph) =>
  paragraph.lines <= 3 && paragraph.text.length <= 150 && /\p{L}/u.test(paragraph.text);

/**
 * Heading levels by font size: paragraphs set clearly larger than the body
 * text, short, with letters. The largest size is level 1, the next level 2,
 * any smaller heading size level 3.
 */
function sizeHeadings(pages: readonly PageParagraphs[]): (paragraph: PdfParagraph) => number {
  const body = bodySize(pages);
  const isHeading = (paragraph: PdfParagraph) => paragraph.size >= body * 1.15 && looksLikeHeading(paragraph);
  const sizes = [
    ...new Set(pages.flatMap((page) => page.paragraphs.filter(isHeading).map((p) => Math.round(p.size * 2) / 2))),
  ].sort((a, b) => b - a);
  return (paragraph) => {
    if (!isHeading(paragraph)) return 0;
    return Math.min(3, sizes.indexOf(Math.round(paragraph.size * 2) / 2) + 1);
  };
}

/**
 * Heading levels from the outline: a paragraph on an entry's page whose text
 * is the entry's title (or starts with it) is a heading at the entry's depth.
 * Null when no entry matches any paragraph, so font sizes decide instead.
 */
function outlineHeadings(
  pages: readonly PageParagraphs[],
  outline: readonly OutlineEntry[],
): ((paragraph: PdfParagraph, page: number) => number) | null {
  const levels = new Map<PdfParagraph, number>();
  for (const entry of outline) {
    const title = normal(entry.title);
    if (!title) continue;
    const page = pages.find((p) => p.page === entry.page);
    const match = page?.paragraphs.find(
      (p) => !levels.has(p) && looksLikeHeading(p) && (normal(p.text) === title || normal(p.text).startsWith(title)),
    );
    if (match) levels.set(match, Math.min(6, entry.depth + 1));
  }
  if (levels.size === 0) return null;
  return (paragraph) => levels.get(paragraph) ?? 0;
}

/** A paragraph's text as Markdown: bullets become list items; text that would read as syntax is escaped. */
function paragraphMarkdown(text: string): string {
  const bullet = /^[•◦▪‣●○■□–]\s*/u.exec(text);
  if (bullet) return `- ${text.slice(bullet[0].length)}`;
  return escapeMarkerLike(text).replace(/^(#{1,6}\s|>)/, '\\$1');
}

/**
 * The document as Markdown: `[Page N]` before each page's text, headings from
 * the outline when it names paragraphs, else from font sizes, paragraphs in
 * the order pdf.js read them.
 */
export function pdfMarkdown(pages: readonly PageParagraphs[], outline: readonly OutlineEntry[] = []): string {
  const byOutline = outlineHeadings(pages, outline);
  const bySize = byOutline ? null : sizeHeadings(pages);
  const parts: string[] = [];
  for (const { page, paragraphs } of pages) {
    parts.push(pageMarker(page));
    for (const paragraph of paragraphs) {
      const level = byOutline ? byOutline(paragraph, page) : (bySize?.(paragraph) ?? 0);
      parts.push(level > 0 ? `${'#'.repeat(level)} ${paragraph.text}` : paragraphMarkdown(paragraph.text));
    }
  }
  return parts.join('\n\n');
}
