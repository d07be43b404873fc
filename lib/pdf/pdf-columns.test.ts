import { describe, expect, it } from 'vitest';
import { columnOrder, findGutter } from './pdf-columns';
import { type PdfLine, type PdfTextItem, pageLines, pageParagraphs } from './pdf-lines';

const line = (text: string, x: number, y: number, width = 200, size = 11): PdfLine => ({
  text,
  x,
  y,
  xEnd: x + width,
  size,
});
const rows = (prefix: string, x: number, top: number, count: number, width = 200) =>
  Array.from({ length: count }, (_, i) => line(`${prefix} ${i + 1}`, x, top - i * 15, width));
/** Two columns drawn row by row, as some producers write them. */
const interleaved = (count: number, top = 700) => {
  const left = rows('left', 72, top, count);
  const right = rows('right', 320, top, count);
  return left.flatMap((l, i) => [l, right[i] as PdfLine]);
};
const texts = (lines: readonly PdfLine[]) => lines.map((l) => l.text);

describe('columnOrder', () => {
  it('reads a two-column page drawn row by row a column at a time', () => {
    expect(texts(columnOrder(interleaved(4)))).toEqual([
      'left 1',
      'left 2',
      'left 3',
      'left 4',
      'right 1',
      'right 2',
      'right 3',
      'right 4',
    ]);
  });

  it('keeps a spanning title above the columns and a spanning footer after both', () => {
    const page = [line('Title across', 72, 740, 450), ...interleaved(3), line('Footer across', 72, 600, 450)];
    expect(texts(columnOrder(page))).toEqual([
      'Title across',
      'left 1',
      'left 2',
      'left 3',
      'right 1',
      'right 2',
      'right 3',
      'Footer across',
    ]);
  });

  it('reads the columns above a spanning figure caption before those below it', () => {
    const page = [...interleaved(3, 700), line('Figure 1 across the page', 72, 640, 450), ...interleaved(3, 600)];
    expect(texts(columnOrder(page))).toEqual([
      'left 1',
      'left 2',
      'left 3',
      'right 1',
      'right 2',
      'right 3',
      'Figure 1 across the page',
      'left 1',
      'left 2',
      'left 3',
      'right 1',
      'right 2',
      'right 3',
    ]);
  });

  it('reads three columns left to right', () => {
    const [a, b, c] = [rows('a', 50, 700, 3, 150), rows('b', 230, 700, 3, 150), rows('c', 410, 700, 3, 150)];
    const page = a.flatMap((l, i) => [l, b[i] as PdfLine, c[i] as PdfLine]);
    expect(texts(columnOrder(page))).toEqual(['a 1', 'a 2', 'a 3', 'b 1', 'b 2', 'b 3', 'c 1', 'c 2', 'c 3']);
  });

  it('leaves one column, a table of short cells and a margin note in their drawn order', () => {
    const single = rows('line', 72, 700, 6, 450);
    expect(columnOrder(single)).toEqual(single);
    const table = rows('name', 72, 700, 4, 40).flatMap((l, i) => [l, line(`value ${i + 1}`, 320, l.y, 40)]);
    expect(findGutter(table)).toBeNull();
    expect(columnOrder(table)).toEqual(table);
    const noted = [...rows('body', 72, 700, 6, 350), line('A note', 480, 700, 90)];
    expect(findGutter(noted)).toBeNull();
  });

  it('keeps a column that runs on beside a short one in order', () => {
    const page = [...rows('left', 72, 700, 8), ...rows('right', 320, 700, 3)];
    expect(texts(columnOrder(page)).slice(0, 8)).toEqual(texts(rows('left', 72, 700, 8)));
  });
});

describe('columns from text items', () => {
  const item = (str: string, x: number, y: number, hasEOL = false): PdfTextItem => ({
    str,
    x,
    y,
    size: 11,
    width: str.length * 5.5,
    hasEOL,
  });

  it('splits a baseline at the gutter and joins each column into its own paragraph', () => {
    // As pdf.js gives a page drawn row by row: both columns' lines on one baseline, a wide space between them.
    const items = [0, 1, 2, 3].flatMap((i) => [
      item(`The left column sentence goes on ${i + 1}`, 72, 700 - i * 15),
      item(' ', 72 + 200, 700 - i * 15),
      item(`The right column sentence goes on ${i + 1}`, 320, 700 - i * 15, true),
    ]);
    const paragraphs = pageParagraphs(columnOrder(pageLines(items)));
    expect(paragraphs.map((p) => p.text)).toEqual([
      'The left column sentence goes on 1 The left column sentence goes on 2 The left column sentence goes on 3 The left column sentence goes on 4',
      'The right column sentence goes on 1 The right column sentence goes on 2 The right column sentence goes on 3 The right column sentence goes on 4',
    ]);
  });

  it('keeps words apart by an ordinary space on one line', () => {
    const lines = pageLines([item('Hello', 72, 700), item(' ', 99.5, 700), item('world', 105, 700, true)]);
    expect(texts(lines)).toEqual(['Hello world']);
  });
});
