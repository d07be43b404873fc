import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('keeps the title and visible text, drops scripts, styles and comments, decodes entities', () => {
    const page = htmlToText(
      '<html><head><title>A &amp; B</title><style>p{color:red}</style><script>steal()</script></head>' +
        '<body><h1>Head</h1><!-- hidden --><p>One&nbsp;&lt;two&gt; &#x4e2d;&#25991;</p><noscript>no</noscript></body></html>',
    );
    expect(page.title).toBe('A & B');
    expect(page.text).toBe('Head\nOne <two> 中文');
  });
});
