import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { elementToMarkdown } from './markdown';

const convert = (html: string) => {
  const { document } = new JSDOM(`<body><div id="root">${html}</div></body>`).window;
  return elementToMarkdown(document.getElementById('root') as Element, 'https://example.com/');
};

describe('tables in captures', () => {
  it('keeps a table with a header as a GFM table', () => {
    expect(
      convert(
        '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      ),
    ).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
  });

  it('turns a headerless table into a GFM table, never raw HTML or image URLs', () => {
    const markdown = convert(
      '<table class="x"><tr><td><img src="https://cdn.example/i.png" alt="icon">Name</td><td>Value | with pipe</td></tr><tr><td>a</td><td>b</td></tr></table>',
    );
    expect(markdown).toBe('| icon Name | Value \\| with pipe |\n| --- | --- |\n| a | b |');
    expect(markdown).not.toContain('<');
    expect(markdown).not.toContain('i.png');
  });

  it('unwraps a layout table whose cells hold paragraphs', () => {
    expect(convert('<table><tr><td><p>First para.</p><p>Second para.</p></td><td>Side</td></tr></table>')).toBe(
      'First para.\n\nSecond para.\n\nSide',
    );
  });

  it('survives an empty table and keeps nested tables apart', () => {
    expect(convert('<p>Before</p><table></table><p>After</p>')).toBe('Before\n\nAfter');
    const nested = convert(
      '<table><tr><td>outer</td><td><table><tr><th>in</th></tr><tr><td>x</td></tr></table></td></tr></table>',
    );
    expect(nested).toContain('outer');
    expect(nested).toContain('| in |');
  });

  it('spaces alt text from the words around it', () => {
    expect(convert('<p>Photo<img src="a.png" alt="Xi Jinping">Credit</p>')).toBe('Photo Xi Jinping Credit');
  });
});
