import { describe, expect, it } from 'vitest';
import { citedPassage, markdownToPlainText, passagePage, sourceUrl, textFragmentUrl } from './citations';

describe('citations', () => {
  it('turns Markdown into the text a reader sees', () => {
    expect(markdownToPlainText('## Heading\n\n- an **important** [link](https://x.example) and `code`')).toBe(
      'Heading\n\nan important link and code',
    );
  });

  it('points at the paragraph that shares most words with the question', () => {
    const chunk = 'Cats sleep a lot.\n\nThe **rainfall** in Lisbon peaks in November.\n\nDogs bark.';
    expect(citedPassage(chunk, 'When does rainfall peak in Lisbon?')).toBe('The rainfall in Lisbon peaks in November.');
    expect(citedPassage('只有一段。\n\n北京的冬天很冷，常常下雪。', '北京冬天冷吗')).toBe('北京的冬天很冷，常常下雪。');
  });

  it('builds a text fragment from the first and last words of a long passage', () => {
    const url = textFragmentUrl(
      'https://a.example/page#section',
      'The rainfall in Lisbon peaks in November, when Atlantic storms arrive from the west every year.',
    );
    expect(url).toBe(
      'https://a.example/page#:~:text=The%20rainfall%20in%20Lisbon%20peaks,from%20the%20west%20every%20year.',
    );
  });

  it('escapes directive syntax and keeps short passages whole', () => {
    expect(textFragmentUrl('https://a.example/', 'Well-known, tested & true')).toBe(
      'https://a.example/#:~:text=Well%2Dknown%2C%20tested%20%26%20true',
    );
  });

  it('cuts Chinese passages by characters', () => {
    const url = textFragmentUrl('https://a.example/zh', '北京的冬天很冷，常常下雪，人们喜欢在家里吃火锅和饺子。');
    const directive = decodeURIComponent(url.split('#:~:text=')[1] ?? '');
    expect(directive).toBe('北京的冬天很冷，常常,在家里吃火锅和饺子。');
  });

  it('falls back to the bare URL without a passage', () => {
    expect(textFragmentUrl('https://a.example/x#top', '')).toBe('https://a.example/x');
  });

  it("points a PDF citation at the page of its passage, which may follow the chunk's first page", () => {
    const chunk = 'Cats sleep a lot.\n\n[Page 5]\n\nThe rainfall in Lisbon peaks in November.';
    const passage = citedPassage(chunk, 'page 5 rainfall in Lisbon');
    expect(passage).toBe('The rainfall in Lisbon peaks in November.');
    expect(passagePage(chunk, passage, 4)).toBe(5);
    expect(passagePage(chunk, 'Cats sleep a lot.', 4)).toBe(4);
    expect(sourceUrl({ url: 'https://a.example/r.pdf#page=1', passage, page: 5 })).toBe(
      'https://a.example/r.pdf#page=5',
    );
    expect(sourceUrl({ url: 'https://a.example/x', passage: 'Cats' })).toBe('https://a.example/x#:~:text=Cats');
    // A saved video transcript's passage opens the video at its time.
    expect(sourceUrl({ url: 'https://www.youtube.com/watch?v=aSide-00001', passage: '[01:05] Storms.' })).toBe(
      'https://www.youtube.com/watch?v=aSide-00001&t=65s',
    );
    expect(sourceUrl({ url: 'https://www.bilibili.com/video/BV1Ak4y1z7Qm/', passage: '[1:02:03] 风暴' })).toBe(
      'https://www.bilibili.com/video/BV1Ak4y1z7Qm/?t=3723',
    );
    expect(sourceUrl({ url: 'https://a.example/x', passage: '[01:05] Cats' })).toMatch(/#:~:text=/);
  });
});
