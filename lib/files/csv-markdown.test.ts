import { describe, expect, it } from 'vitest';
import { csvToMarkdown, guessDelimiter, parseCsv } from './csv-markdown';

describe('CSV as a Markdown table', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = parseCsv('name,note\r\n"Smith, Ann","said ""hi""\nthen left"\nLi,平安\n');
    expect(rows).toEqual([
      ['name', 'note'],
      ['Smith, Ann', 'said "hi"\nthen left'],
      ['Li', '平安'],
    ]);
  });

  it('guesses semicolons and tabs as delimiters', () => {
    expect(guessDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(guessDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(guessDelimiter('"a;b",c\n')).toBe(',');
  });

  it('makes the first row the header and escapes pipes', () => {
    const table = csvToMarkdown('\uFEFFcity,rain (mm)\nLisbon,100|120\n');
    expect(table.markdown).toBe('| city | rain (mm) |\n| --- | --- |\n| Lisbon | 100\\|120 |');
    expect(table).toMatchObject({ rows: 1, rowsShown: 1 });
  });

  it('pads short rows to the widest row', () => {
    expect(csvToMarkdown('a,b,c\n1\n').markdown).toContain('| 1 |  |  |');
  });

  it('keeps within its budget and says how many rows were left out', () => {
    const csv = ['id,value', ...Array.from({ length: 1000 }, (_, i) => `${i},${'x'.repeat(50)}`)].join('\n');
    const table = csvToMarkdown(csv, { maxChars: 5_000, maxCellChars: 300 });
    expect(table.markdown.length).toBeLessThanOrEqual(5_100);
    expect(table.rowsShown).toBeGreaterThan(10);
    expect(table.rowsShown).toBeLessThan(1000);
    expect(table.markdown).toContain(`[… ${1000 - table.rowsShown} more rows of 1000 not shown]`);
  });

  it('shortens long cells', () => {
    const table = csvToMarkdown(`a\n${'y'.repeat(500)}\n`, { maxChars: 10_000, maxCellChars: 20 });
    expect(table.markdown).toContain(`| ${'y'.repeat(19)}… |`);
  });
});
