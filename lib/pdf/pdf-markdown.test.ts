import { describe, expect, it } from 'vitest';
import type { PdfParagraph } from './pdf-lines';
import { type PageParagraphs, pdfMarkdown } from './pdf-markdown';

const p = (text: string, size = 11, lines = 1): PdfParagraph => ({ text, size, lines });
const body = 'Body text set in the size most of the document uses, long enough to count as the body.';

describe('pdfMarkdown', () => {
  it('puts a page marker before each page', () => {
    const pages: PageParagraphs[] = [
      { page: 1, paragraphs: [p(body)] },
      { page: 2, paragraphs: [p('More text on the second page.')] },
    ];
    expect(pdfMarkdown(pages)).toBe(`[Page 1]\n\n${body}\n\n[Page 2]\n\nMore text on the second page.`);
  });

  it('finds headings by font size: the largest is level 1, the next level 2', () => {
    const pages: PageParagraphs[] = [
      { page: 1, paragraphs: [p('Annual Report', 24), p('Introduction', 16), p(body), p(body)] },
      { page: 2, paragraphs: [p('Results', 16), p(body), p('A large number: 42', 24, 8)] },
    ];
    const markdown = pdfMarkdown(pages);
    expect(markdown).toContain('\n# Annual Report\n');
    expect(markdown).toContain('\n## Introduction\n');
    expect(markdown).toContain('\n## Results\n');
    // Eight lines of large text are not a heading.
    expect(markdown).toContain('\nA large number: 42');
    expect(markdown).not.toContain('# A large number');
  });

  it('takes heading levels from the outline when it names paragraphs, on their page', () => {
    const pages: PageParagraphs[] = [
      { page: 1, paragraphs: [p('Chapter One'), p(body), p('Background'), p(body)] },
      { page: 2, paragraphs: [p('Background'), p(body)] },
    ];
    const markdown = pdfMarkdown(pages, [
      { title: 'Chapter One', depth: 0, page: 1 },
      { title: 'Background', depth: 1, page: 2 },
    ]);
    expect(markdown).toContain('[Page 1]\n\n# Chapter One\n\n');
    // Only the paragraph on the entry's page is the heading.
    expect(markdown).toContain(`${body}\n\nBackground\n\n${body}\n\n[Page 2]\n\n## Background`);
  });

  it('escapes text that would read as Markdown syntax or as a page marker, and makes bullets list items', () => {
    const pages: PageParagraphs[] = [
      { page: 1, paragraphs: [p(body), p('# not a heading'), p('[Page 9]'), p('• a bullet point')] },
    ];
    const markdown = pdfMarkdown(pages);
    expect(markdown).toContain('\\# not a heading');
    expect(markdown).toContain('\\[Page 9]');
    expect(markdown).not.toMatch(/^\[Page 9\]$/m);
    expect(markdown).toContain('- a bullet point');
  });
});
