import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { remarkTimestamps, secondsOfHref } from './remark-timestamps';

const render = (text: string, maxSeconds: number | null) =>
  renderToStaticMarkup(<ReactMarkdown remarkPlugins={[[remarkTimestamps, { maxSeconds }]]}>{text}</ReactMarkdown>);

describe('timestamps in answers about a video', () => {
  it('links bracketed times within the video, in English and Chinese text', () => {
    expect(render('Storms arrive [01:05], dry by [5:12]; ends [1:02:03].', 754)).toBe(
      '<p>Storms arrive <a href="#t-65">[01:05]</a>, dry by <a href="#t-312">[5:12]</a>; ends [1:02:03].</p>',
    );
    expect(render('风暴[01:12]到来。', 318)).toBe('<p>风暴<a href="#t-72">[01:12]</a>到来。</p>');
  });

  it('leaves code, bare times and answers about anything but a video alone', () => {
    expect(render('`[01:05]` at 01:05', 754)).toBe('<p><code>[01:05]</code> at 01:05</p>');
    expect(render('At [01:05].', null)).toBe('<p>At [01:05].</p>');
  });

  it('reads only its own link targets back', () => {
    expect(secondsOfHref('#t-65')).toBe(65);
    expect(secondsOfHref('#cite-1')).toBeUndefined();
    expect(secondsOfHref('https://example.com/#t-65')).toBeUndefined();
  });
});
