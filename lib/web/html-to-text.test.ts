import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('keeps visible text with line breaks, drops scripts, styles and comments, decodes entities', () => {
    const html =
      '<html><head><title>A &amp; B</title><style>p{}</style></head><body><!-- hidden -->' +
      '<h1>Title</h1><p>One&nbsp;two <b>three</b></p><script>alert("x")</script><p>&#20013;&#x6587; &lt;ok&gt;</p></body></html>';
    expect(htmlToText(html)).toEqual({ title: 'A & B', text: 'Title\nOne two three\n中文 <ok>' });
  });

  it('turns code points that are not characters into U+FFFD instead of throwing, as browsers do', () => {
    const html =
      '<head><title>&#x110000;</title></head><p>a&#x110000;b &#xD800; &#xdfff; &#99999999999; &#0; &#x0; ' +
      `&#${'9'.repeat(400)}; &#x10FFFF; &#x1F600;</p>`;
    expect(htmlToText(html)).toEqual({
      title: '\uFFFD',
      text: `a\uFFFDb \uFFFD \uFFFD \uFFFD \uFFFD \uFFFD \uFFFD \u{10FFFF} 😀`,
    });
  });

  it('keeps the text of elements that are never closed, drops the ones that are, and reads < as browsers do', () => {
    // A page with <head> but no </head> (allowed by HTML) keeps its body text.
    expect(htmlToText('<html><head><meta charset=utf-8><body><p>Body text</p>').text).toBe('Body text');
    expect(htmlToText('<p>a</p><script>var x = 1;</SCRIPT ><p>b</p><script>never closed').text).toBe(
      'a\nb\nnever closed',
    );
    // An unclosed comment runs to the end of the page, as in a browser.
    expect(htmlToText('<p>kept</p><!-- open comment > hidden').text).toBe('kept');
    expect(htmlToText('<!-->a<!--->b<!---->c').text).toBe('abc');
    expect(htmlToText('<title>Never closed')).toEqual({ title: '', text: 'Never closed' });
    // A > inside a quoted attribute value does not end the tag; a tag cut by the end of the page goes.
    expect(htmlToText('<img alt="a > b" src=\'data:image/svg+xml,<svg></svg>\'><p>after</p><img src="x').text).toBe(
      'after',
    );
    // A < that starts no tag is text.
    expect(htmlToText('<p>if a < b and c > d, 1 <> 2</p>').text).toBe('if a < b and c > d, 1 <> 2');
  });

  // Each of these took seconds before (every unclosed opening rescanned the rest of the page);
  // the output shows the scan is right, bench/html-to-text.bench.ts shows its cost is linear.
  it('reads adversarial pages of many unclosed openings, with the text after them', () => {
    const copies = 40_000;
    expect(htmlToText(`${'<script>'.repeat(copies)}tail`).text).toBe('tail');
    expect(htmlToText(`${'<!--'.repeat(copies)}tail`).text).toBe('');
    expect(htmlToText(`${'<title>'.repeat(copies)}tail`)).toEqual({ title: '', text: 'tail' });
    expect(htmlToText(`${'<a '.repeat(copies)}tail`).text).toBe('');
    // Each quoted value closes in the next copy: tags pair up, as in a browser.
    expect(htmlToText(`${'<a title="x>'.repeat(copies)}tail`).text).toBe('tail');
    expect(htmlToText(`${'<style>x</style>'.repeat(copies)}<p>tail`).text).toBe('tail');
    expect(htmlToText(`${'&#x110000;'.repeat(copies)}`).text).toBe('\uFFFD'.repeat(copies));
  });
});
