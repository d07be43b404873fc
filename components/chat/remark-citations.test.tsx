import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { remarkCitations } from './remark-citations';

const render = (text: string, count: number) =>
  renderToStaticMarkup(<ReactMarkdown remarkPlugins={[[remarkCitations, { count }]]}>{text}</ReactMarkdown>);

describe('citation markers', () => {
  it('links the numbers that have a source', () => {
    expect(render('Rain peaks in November [1][2]. Snow [3].', 2)).toBe(
      '<p>Rain peaks in November <a href="#cite-1">[1]</a><a href="#cite-2">[2]</a>. Snow [3].</p>',
    );
  });

  it('leaves code and Chinese text around markers intact', () => {
    expect(render('北京很冷[1]。`a[1]`', 1)).toBe('<p>北京很冷<a href="#cite-1">[1]</a>。<code>a[1]</code></p>');
  });
});
