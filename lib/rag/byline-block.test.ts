import { describe, expect, it } from 'vitest';
import { isBylineBlock } from './byline-block';
import { chunkMarkdown } from './chunk';

describe('isBylineBlock', () => {
  it('recognizes a paragraph that is only the byline, however it is dressed', () => {
    expect(isBylineBlock('Archive', 'Archive')).toBe(true);
    expect(isBylineBlock('By *Jane  Doe*', 'Jane Doe')).toBe(true);
    expect(isBylineBlock('[Jane Doe](https://example.com/jane)', 'Jane Doe')).toBe(true);
    expect(isBylineBlock('**作者：肖春芳**', '肖春芳')).toBe(true);
  });

  it('keeps text that mentions the author, and everything when there is no byline', () => {
    expect(isBylineBlock('Jane Doe visited the archive in 1999.', 'Jane Doe')).toBe(false);
    expect(isBylineBlock('Archive', null)).toBe(false);
    expect(isBylineBlock('Archive', '')).toBe(false);
  });
});

describe('chunkMarkdown with a byline', () => {
  it('leaves the byline line out of the chunks; the offsets still point into the page', () => {
    const markdown = '# Stone bridges\n\nArchive\n\nMasonry arches carry their load in compression.';
    const chunks = chunkMarkdown(markdown, { byline: 'Archive' });
    expect(chunks.map((chunk) => chunk.text)).toEqual(['Masonry arches carry their load in compression.']);
    expect(markdown.slice(chunks[0]?.start, chunks[0]?.end)).toBe(chunks[0]?.text);
    expect(chunkMarkdown(markdown).map((chunk) => chunk.text)).toEqual([
      'Archive\n\nMasonry arches carry their load in compression.',
    ]);
  });
});
