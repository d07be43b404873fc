/**
 * Text items of a PDF page (as pdf.js gives them, in its reading order)
 * grouped into lines and paragraphs. Pure: no pdf.js here, so it is tested
 * on plain data.
 */

/** One run of text on a page: pdf.js's TextItem reduced to what layout needs (PDF units, y grows upwards). */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  /** Font size: the text matrix's vertical scale. */
  readonly size: number;
  readonly width: number;
  /** pdf.js: a line break follows this item. */
  readonly hasEOL: boolean;
}

export interface PdfLine {
  readonly text: string;
  readonly x: number;
  readonly xEnd: number;
  readonly y: number;
  readonly size: number;
}

export interface PdfParagraph {
  readonly text: string;
  readonly size: number;
  readonly lines: number;
}

/**
 * A horizontal gap wider than this many font sizes between two runs on one
 * baseline is a gutter between columns (or table cells), not a space between
 * words: even loose justified text stays well under it.
 */
const gutterSizes = 2;

/**
 * Groups items into lines: a line ends where pdf.js says one does, where the
 * baseline moves, or at a gutter (a producer that writes a two-column page row
 * by row puts both columns' lines on one baseline; they are kept apart here
 * so that the columns can be put in order, see pdf-columns.ts).
 */
export function pageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let parts: PdfTextItem[] = [];
  const close = () => {
    const text = parts
      .map((part) => part.str)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const first = parts.find((part) => part.str.trim() !== '');
    if (text && first) {
      const sized = parts.filter((part) => part.str.trim() !== '');
      lines.push({
        text,
        x: Math.min(...sized.map((part) => part.x)),
        xEnd: Math.max(...sized.map((part) => part.x + part.width)),
        y: first.y,
        size: Math.max(...sized.map((part) => part.size)),
      });
    }
    parts = [];
  };
  for (const item of items) {
    const current = parts.find((part) => part.str.trim() !== '');
    const last = parts.findLast((part) => part.str.trim() !== '');
    if (current && last && item.str.trim() !== '') {
      const size = Math.max(current.size, item.size);
      if (Math.abs(item.y - current.y) > size * 0.6 || item.x - (last.x + last.width) > size * gutterSizes) close();
    }
    parts.push(item);
    if (item.hasEOL) close();
  }
  close();
  return lines;
}

const sentenceEnd = /[.!?:;。！？：；"”’)]$/u;

/**
 * Groups lines into paragraphs: a new one starts after a gap wider than line
 * spacing, when the text jumps up (the next column or block), when the font
 * size changes, or after a short line ending a sentence.
 */
export function pageParagraphs(lines: readonly PdfLine[]): PdfParagraph[] {
  const paragraphs: PdfParagraph[] = [];
  const widest = Math.max(0, ...lines.map((line) => line.xEnd - line.x));
  let group: PdfLine[] = [];
  const close = () => {
    if (group.length === 0) return;
    paragraphs.push({
      text: joinLines(group.map((line) => line.text)),
      size: Math.max(...group.map((line) => line.size)),
      lines: group.length,
    });
    group = [];
  };
  for (const line of lines) {
    const previous = group.at(-1);
    if (previous) {
      const size = Math.max(previous.size, line.size);
      const gap = previous.y - line.y;
      const resized = Math.abs(previous.size - line.size) > 0.15 * Math.min(previous.size, line.size);
      const shortEnd = previous.xEnd - previous.x < widest * 0.75 && sentenceEnd.test(previous.text);
      // A run further along the same baseline (past a wide gap) goes on the same paragraph.
      const sameBaseline = Math.abs(gap) < size * 0.3 && line.x >= previous.xEnd;
      if (!sameBaseline && (gap > size * 1.75 || gap < -size * 0.5 || resized || shortEnd)) close();
    }
    group.push(line);
  }
  close();
  return paragraphs;
}

const cjk = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Joins the lines of a paragraph: a word hyphenated at the end of a line is
 * joined again (`exam-` + `ple` → `example`, only before a lowercase letter;
 * `Jean-` + `Paul` keeps its hyphen, without a space), Chinese, Japanese and Korean lines
 * join without a space, others with one.
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (!text) {
      text = line;
      continue;
    }
    if (/\p{L}[-\u00ad]$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else if (/\p{L}-$/u.test(text) && /^[\p{Lu}\p{N}]/u.test(line)) text += line;
    else if (text.endsWith('\u00ad')) text = text.slice(0, -1) + line;
    else if (cjk.test(text.at(-1) ?? '') && cjk.test(line[0] ?? '')) text += line;
    else text += ` ${line}`;
  }
  return text;
}
