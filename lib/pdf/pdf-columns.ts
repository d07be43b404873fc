/**
 * Reading order across columns. pdf.js gives a page's text in the order the
 * PDF draws it; most producers draw a column at a time, but some draw a
 * two-column page row by row, so that read as drawn, every line of the left
 * column is followed by the line beside it on the right. Here a page whose
 * lines stand side by side either side of a vertical gutter is read a column
 * at a time: top to bottom, the left column, then the right, and a line that
 * spans the gutter (a title, a figure, a footer) ends the columns above it.
 * Pure: tested on plain data.
 */
import type { PdfLine } from './pdf-lines';

/** Fewer lines than this on either side is not a column (a caption, a page number, a note in the margin). */
const minColumnLines = 3;
/** A column of text is this many font sizes wide at least (table cells are narrower, and stay in rows). */
const minColumnSizes = 8;
/** Past this many lines a page is left in its drawn order: the search for a gutter grows with its square. */
const maxLines = 1500;

interface Gutter {
  readonly start: number;
  readonly end: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Lines at least `minColumnLines` of which are beside some line of `others` (their baselines within both's span). */
function sideBySide(lines: readonly PdfLine[], others: readonly PdfLine[]): boolean {
  const top = Math.max(...others.map((line) => line.y));
  const bottom = Math.min(...others.map((line) => line.y));
  return lines.filter((line) => line.y <= top && line.y >= bottom).length >= minColumnLines;
}

/**
 * The clearest vertical gutter: an x range no more than a few lines cross,
 * with columns of text on both sides standing beside each other; null for a
 * page of one column.
 */
export function findGutter(lines: readonly PdfLine[]): Gutter | null {
  if (lines.length < minColumnLines * 2 || lines.length > maxLines) return null;
  const size = median(lines.map((line) => line.size));
  let best: { gutter: Gutter; score: number } | null = null;
  for (const start of new Set(lines.map((line) => line.xEnd))) {
    const left = lines.filter((line) => line.xEnd <= start);
    const rest = lines.filter((line) => line.xEnd > start);
    if (left.length < minColumnLines) continue;
    const right = rest.filter((line) => line.x >= start + size);
    if (right.length < minColumnLines) continue;
    const crossing = rest.length - right.length;
    if (crossing >= Math.min(left.length, right.length)) continue;
    const wide = (side: readonly PdfLine[]) => median(side.map((line) => line.xEnd - line.x)) >= size * minColumnSizes;
    if (!wide(left) || !wide(right) || !sideBySide(left, right) || !sideBySide(right, left)) continue;
    const score = Math.min(left.length, right.length) - crossing;
    if (!best || score > best.score) {
      best = { gutter: { start, end: Math.min(...right.map((line) => line.x)) }, score };
    }
  }
  return best?.gutter ?? null;
}

/**
 * Lines in reading order: a page of one column as drawn; columns one after
 * the other (each read again for columns of its own), a spanning line where
 * it stands.
 */
export function columnOrder(lines: readonly PdfLine[]): PdfLine[] {
  const gutter = findGutter(lines);
  if (!gutter) return [...lines];
  const ordered: PdfLine[] = [];
  let left: PdfLine[] = [];
  let right: PdfLine[] = [];
  const flush = () => {
    ordered.push(...columnOrder(left), ...columnOrder(right));
    left = [];
    right = [];
  };
  // Top to bottom (PDF y grows upwards); a stable sort keeps the drawn order of lines on one baseline.
  for (const line of [...lines].sort((a, b) => b.y - a.y)) {
    if (line.xEnd <= gutter.start) left.push(line);
    else if (line.x >= gutter.end) right.push(line);
    else {
      flush();
      ordered.push(line);
    }
  }
  flush();
  return ordered;
}
