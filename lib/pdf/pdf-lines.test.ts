import { describe, expect, it } from 'vitest';
import { joinLines, type PdfTextItem, pageLines, pageParagraphs } from './pdf-lines';

const item = (str: string, x: number, y: number, size = 11, hasEOL = false): PdfTextItem => ({
  str,
  x,
  y,
  size,
  width: str.length * size * 0.5,
  hasEOL,
});

describe('pageLines', () => {
  it('ends a line where pdf.js says so or where the baseline moves', () => {
    const lines = pageLines([
      item('Hello ', 72, 700),
      item('world', 105, 700, 11, true),
      item('Next line', 72, 684),
      item('Third', 72, 668),
    ]);
    expect(lines.map((line) => line.text)).toEqual(['Hello world', 'Next line', 'Third']);
    expect(lines[0]?.y).toBe(700);
  });

  it('keeps a small baseline shift (a superscript) on its line', () => {
    const lines = pageLines([item('E = mc', 72, 700), item('2', 110, 703, 7), item(' works', 115, 700)]);
    expect(lines.map((line) => line.text)).toEqual(['E = mc2 works']);
  });
});

describe('pageParagraphs', () => {
  const line = (text: string, y: number, size = 11, width = 400) => ({ text, x: 72, xEnd: 72 + width, y, size });

  it('starts a paragraph after a wide gap, a change of font size, or a short line ending a sentence', () => {
    const paragraphs = pageParagraphs([
      line('A Title', 740, 20, 100),
      line('First paragraph goes on', 700),
      line('and ends here.', 686, 11, 120),
      line('Second paragraph', 672),
      line('continues.', 658),
      line('After a gap', 610),
    ]);
    expect(paragraphs.map((p) => p.text)).toEqual([
      'A Title',
      'First paragraph goes on and ends here.',
      'Second paragraph continues.',
      'After a gap',
    ]);
    expect(paragraphs[0]?.size).toBe(20);
  });

  it('starts a paragraph when the text jumps up to the next column', () => {
    const paragraphs = pageParagraphs([line('Left column end', 100), line('Right column top', 700)]);
    expect(paragraphs).toHaveLength(2);
  });
});

describe('joinLines', () => {
  it('joins a word hyphenated at a line end, and keeps hyphens of names and compounds', () => {
    expect(joinLines(['the exam-', 'ple shows'])).toBe('the example shows');
    expect(joinLines(['Jean-', 'Paul Sartre'])).toBe('Jean-Paul Sartre');
    expect(joinLines(['soft\u00ad', 'ware'])).toBe('software');
    expect(joinLines(['plain', 'words'])).toBe('plain words');
  });

  it('joins Chinese lines without a space', () => {
    expect(joinLines(['这是第一行', '接着第二行。'])).toBe('这是第一行接着第二行。');
    expect(joinLines(['中文', 'English'])).toBe('中文 English');
  });
});
