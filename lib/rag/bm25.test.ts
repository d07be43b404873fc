import { describe, expect, it } from 'vitest';
import { contentTerms, queryTerms } from '../library/search-terms';
import { Bm25Index, lexicalDoc } from './bm25';
import { bm25f } from './field-weights';
import { termCounts, titleTerms } from './lexical-doc';

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
  it('counts normalized, stemmed English words and CJK characters plus pairs', () => {
    const counts = termCounts('Café cafe CAFE, bridges bridge, 向量检索。');
    expect(counts.get('cafe')).toBe(3);
    expect(counts.get('bridg')).toBe(2);
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
    expect(ids(b.search(queryTerms('shared'), 5, new Set(['b'])))).toEqual(['b#0']);
    b.removePage('a');
    expect(b.size).toBe(1);
    expect(ids(b.search(queryTerms('shared'), 5))).toEqual(['b#0']);
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

  it('finds a page by a word only its title holds, in every chunk of the page', () => {
    const b = new Bm25Index();
    b.add(
      'orca',
      [lexicalDoc('orca#0', 'It hunts seals in cold water.'), lexicalDoc('orca#1', 'Pods travel far.')],
      titleTerms('Killer whale'),
    );
    b.add('other', [lexicalDoc('other#0', 'A whale of a time at the fair.')], titleTerms('County fair'));
    const hits = b.search(queryTerms('killer whales'), 5);
    expect(ids(hits).slice(0, 2).sort()).toEqual(['orca#0', 'orca#1']);
    expect(hits[0]?.coverage).toBe(1);
    expect(hits.find((h) => h.chunkId === 'other#0')?.coverage).toBeLessThan(1);
  });

  it('weights a word in the title or a heading above the same word in the text', () => {
    const b = new Bm25Index();
    b.add('t', [lexicalDoc('t#0', 'Notes on many things, lighthouse among them.')], titleTerms('Lighthouse'));
    b.add(
      'h',
      [lexicalDoc('h#0', 'Notes on many things, lighthouse among them.', ['Lighthouse'])],
      titleTerms('Notes'),
    );
    b.add('x', [lexicalDoc('x#0', 'Notes on many things, lighthouse among them.')], titleTerms('Notes'));
    const hits = b.search(['lighthous'], 3);
    expect(ids(hits)).toEqual(['t#0', 'h#0', 'x#0']);
    expect(bm25f.title.weight).toBeGreaterThan(bm25f.heading.weight);
  });

  it('normalizes scores to 0..1 and replaces a title set again', () => {
    const b = new Bm25Index();
    b.add('p', [lexicalDoc('p#0', 'gardening tips')], titleTerms('Old name'));
    b.add('q', [lexicalDoc('q#0', 'unrelated words')], titleTerms('Other'));
    const hit = b.search(['garden'], 1)[0];
    expect(hit?.normalized).toBeGreaterThan(0);
    expect(hit?.normalized).toBeLessThanOrEqual(1);
    b.add('p', [], titleTerms('New name'));
    expect(b.search(['old'], 5)).toEqual([]);
    expect(ids(b.search(['new'], 5))).toEqual(['p#0']);
    b.removePage('p');
    expect(b.search(['new'], 5)).toEqual([]);
  });

  it('finds a transliterated Chinese name cut into single characters, through character pairs', () => {
    const b = new Bm25Index();
    b.add(
      'moon',
      [lexicalDoc('moon#0', '巴兹·奥尔德林可能是第二个登上月球的人，却是第一个在月球上喝酒的人。')],
      titleTerms('月球'),
    );
    b.add('obama', [lexicalDoc('obama#0', '奥巴马访问了肯尼亚，德国总理默克尔也在林中散步。')], titleTerms('新闻'));
    const hits = b.search(contentTerms('奥尔德林是谁？'), 5);
    expect(ids(hits)).toEqual(['moon#0']);
    expect(hits[0]?.coverage).toBe(1);
  });
});
