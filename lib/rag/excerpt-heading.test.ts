import { describe, expect, it } from 'vitest';
import { excerptHeading } from './excerpt-heading';

const file = (title: string, markdown: string) => ({
  title,
  markdown,
  kind: { kind: 'file' as const, format: 'docx' as const },
});

describe('excerptHeading', () => {
  it('heads a saved file by its own opening heading, with the file name apart', () => {
    const tides = file('tides.docx', '# Tide tables\n\nThe tide rises twice a day.\n\n## Porto\n\nBerth 7.');
    expect(excerptHeading(tides, ['Tide tables', 'Porto'])).toEqual({
      title: 'Tide tables',
      headingPath: ['Porto'],
      file: 'tides.docx',
    });
    // Every passage of the file is headed alike, also one under a second top-level heading.
    expect(excerptHeading(tides, ['Appendix'])).toEqual({
      title: 'Tide tables',
      headingPath: ['Appendix'],
      file: 'tides.docx',
    });
    expect(excerptHeading(file('潮汐手册.docx', '# 潮汐手册\n\n大潮'), ['潮汐手册'])).toEqual({
      title: '潮汐手册',
      headingPath: [],
      file: '潮汐手册.docx',
    });
  });

  it('keeps the file name as the title when the file does not open with a heading', () => {
    const notes = file('notes.txt', 'Moor at berth 7.\n\n# Later\n\nText.');
    expect(excerptHeading(notes, ['Later'])).toEqual({ title: 'notes.txt', headingPath: ['Later'] });
  });

  it('reads a web page as "Title › Section", its H1 left out', () => {
    const page = { title: 'Rain in Lisbon', markdown: '# Rain in Lisbon\n\n## November\n\nStorms.' };
    expect(excerptHeading(page, ['Rain in Lisbon', 'November'])).toEqual({
      title: 'Rain in Lisbon',
      headingPath: ['November'],
    });
  });
});
