import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('keeps visible text with line breaks, drops scripts, styles and comments, decodes entities', () => {
    const html =
      '<html><head><title>A &amp; B</title><style>p{}</style></head><body><!-- hidden -->' +
      '<h1>Title</h1><p>One&nbsp;two <b>three</b></p><script>alert("x")</script><p>&#20013;&#x6587; &lt;ok&gt;</p></body></html>';
    expect(htmlToText(html)).toEqual({ title: 'A & B', text: 'Title\nOne two three\n中文 <ok>' });
  });
});
