import { describe, expect, it } from 'vitest';
import { queryTerms } from '../library/search-terms';
import { Bm25Index, lexicalDoc } from './bm25';
import { termCounts } from './bm25-terms';

function index(pages: Record<string, string[]>): Bm25Index {
  const bm25 = new Bm25Index();
  for (const [pageId, texts] of Object.entries(pages)) {
    bm25.add(
      pageId,
      texts.map((text, i) => lexicalDoc(`${pageId}#${i}`, text)),
    );
  }
  return bm25;
}
const ids = (hits: { chunkId: string }[]) => hits.map((h) => h.chunkId);

describe('termCounts', () => {
  it('counts normalized English words and CJK characters plus pairs', () => {
    const counts = termCounts('Café cafe CAFE, 向量检索。');
    expect(counts.get('cafe')).toBe(3);
    expect(counts.get('向')).toBe(1);
    expect(counts.get('向量')).toBe(1);
    expect(counts.get('检索')).toBe(1);
    expect(counts.has('。')).toBe(false);
  });
});

describe('Bm25Index', () => {
  const bm25 = index({
    en: [
      'The quick brown fox jumps over the lazy dog.',
      'Vector search with int8 quantization scans every code with SIMD.',
      'Reciprocal rank fusion merges the keyword and vector rankings.',
    ],
    zh: [
      '向量检索在浏览器中运行，不需要服务器。',
      '今天天气很好，我们去公园散步。',
      '浏览器扩展可以保存网页并离线搜索。',
    ],
  });

  it('ranks the English chunk with the rare query words first', () => {
    expect(ids(bm25.search(queryTerms('int8 SIMD scan'), 3))[0]).toBe('en#1');
    expect(ids(bm25.search(queryTerms('rank fusion'), 3))[0]).toBe('en#2');
  });

  it('finds Chinese chunks by bigrams however the text was segmented', () => {
    expect(ids(bm25.search(queryTerms('向量检索'), 3))[0]).toBe('zh#0');
    expect(ids(bm25.search(queryTerms('天气'), 3))).toEqual(['zh#1']);
    const browser = ids(bm25.search(queryTerms('浏览器'), 5));
    expect(browser.sort()).toEqual(['zh#0', 'zh#2']);
  });

  it('scores a term repeated in a short chunk above one mention in a long chunk', () => {
    const b = index({ p: ['fox fox fox', `fox ${'filler words here '.repeat(30)}`, 'nothing relevant'] });
    const hits = b.search(['fox'], 3);
    expect(ids(hits)).toEqual(['p#0', 'p#1']);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Number.POSITIVE_INFINITY);
  });

  it('limits hits to allowed pages and forgets removed pages', () => {
    const b = index({ a: ['shared term alpha'], b: ['shared term beta'] });
    expect(ids(b.search(['shared'], 5, new Set(['b'])))).toEqual(['b#0']);
    b.removePage('a');
    expect(b.size).toBe(1);
    expect(ids(b.search(['shared'], 5))).toEqual(['b#0']);
    expect(b.search(['alpha'], 5)).toEqual([]);
  });

  it('replaces a chunk added again under the same id', () => {
    const b = index({ a: ['old words'] });
    b.add('a', [lexicalDoc('a#0', 'new words')]);
    expect(b.size).toBe(1);
    expect(b.search(['old'], 5)).toEqual([]);
    expect(ids(b.search(['new'], 5))).toEqual(['a#0']);
  });

  it('returns nothing for an empty index, no terms or unknown terms', () => {
    expect(new Bm25Index().search(['x'], 5)).toEqual([]);
    expect(bm25.search([], 5)).toEqual([]);
    expect(bm25.search(['zzzz'], 5)).toEqual([]);
  });
});
