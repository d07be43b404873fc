import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureSelection } from './selection';

const html = `<html><head><title>Guide</title></head><body>
<h1>Guide</h1><p>Intro text.</p>
<h2>Install</h2><p>Use the package manager.</p>
<h3>Linux</h3><p>Run <code>apt-get install aside</code> and restart the browser.</p>
<h2>Use</h2><p>Open the panel.</p></body></html>`;

function select(document: Document, needle: string) {
  const walker = document.createTreeWalker(document.body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const index = node.nodeValue?.indexOf(needle) ?? -1;
    if (index >= 0) {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + needle.length);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return;
    }
  }
  throw new Error(`${needle} not found`);
}

describe('captureSelection', () => {
  it('returns the selection with its paragraph and heading path', () => {
    const { document } = new JSDOM(html, { url: 'https://docs.example/guide' }).window;
    select(document, 'restart the browser');
    expect(captureSelection(document, 'https://docs.example/guide')).toEqual({
      text: 'restart the browser',
      paragraph: 'Run apt-get install aside and restart the browser.',
      headingPath: ['Guide', 'Install', 'Linux'],
      url: 'https://docs.example/guide',
      title: 'Guide',
    });
  });

  it('drops deeper headings when a new section starts', () => {
    const { document } = new JSDOM(html).window;
    select(document, 'Open the panel');
    expect(captureSelection(document, 'u')?.headingPath).toEqual(['Guide', 'Use']);
  });

  it('returns null without a selection', () => {
    const { document } = new JSDOM(html).window;
    expect(captureSelection(document, 'u')).toBeNull();
  });
});
