import { describe, expect, it } from 'vitest';
import { escapeMarkerLike, isPageMarker, pageAt, pageMarker, pageOfMarker, withoutPageMarkers } from './page-markers';

describe('page markers', () => {
  const markdown = `${pageMarker(1)}\n\nOne.\n\n${pageMarker(2)}\n\nTwo.\n\n${pageMarker(10)}\n\nTen.`;

  it('tells the page any offset of the Markdown lies on', () => {
    expect(pageAt(markdown, markdown.indexOf('One.'))).toBe(1);
    expect(pageAt(markdown, markdown.indexOf('Two.'))).toBe(2);
    expect(pageAt(markdown, markdown.indexOf('Ten.'))).toBe(10);
    expect(pageAt('No markers here.', 3)).toBeUndefined();
  });

  it('reads a marker line, and only a marker line', () => {
    expect(pageOfMarker('[Page 12]')).toBe(12);
    expect(pageOfMarker('See [Page 12] above')).toBeUndefined();
    expect(isPageMarker('[Page 3]')).toBe(true);
    expect(isPageMarker('\\[Page 3]')).toBe(false);
    expect(escapeMarkerLike('[Page 3]')).toBe('\\[Page 3]');
    expect(escapeMarkerLike('Page 3')).toBe('Page 3');
  });

  it('removes the markers for plain text', () => {
    expect(withoutPageMarkers(markdown).replace(/\s+/g, ' ').trim()).toBe('One. Two. Ten.');
  });
});
