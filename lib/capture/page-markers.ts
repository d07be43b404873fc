/**
 * Page markers in the Markdown of a PDF: a line `[Page N]` before each page's
 * text, so the model can say where something is, chunks know their page
 * (lib/rag/chunk.ts) and citations open `#page=N`.
 */

/** The marker line for page `n` (1-based). */
export const pageMarker = (n: number): string => `[Page ${n}]`;

const markerLine = /^\[Page (\d{1,6})\]$/;
const markerLines = /^\[Page (\d{1,6})\][ \t]*$/gm;

/** The page number of a marker line, or undefined for any other line. */
export function pageOfMarker(line: string): number | undefined {
  const match = markerLine.exec(line.trim());
  return match ? Number(match[1]) : undefined;
}

/** True when `text` (a paragraph) is only a page marker. */
export const isPageMarker = (text: string): boolean => pageOfMarker(text) !== undefined;

/** The page that `offset` of `markdown` lies on: the last marker before it; undefined when there is none. */
export function pageAt(markdown: string, offset: number): number | undefined {
  let page: number | undefined;
  for (const match of markdown.matchAll(markerLines)) {
    if (match.index > offset) break;
    page = Number(match[1]);
  }
  return page;
}

/** A text line that would read as a marker gets a backslash, so only Aside's markers are markers. */
export function escapeMarkerLike(line: string): string {
  return markerLine.test(line.trim()) ? `\\${line.trimStart()}` : line;
}

/** The Markdown without its marker lines (for comparisons and plain text). */
export function withoutPageMarkers(markdown: string): string {
  return markdown.replace(markerLines, '');
}
