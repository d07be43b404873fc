import { describe, expect, it } from 'vitest';
import { contentTerms, normalizeWord, queryTerms, queryWords, textTerms } from './search-terms';

describe('search terms', () => {
  it('folds case and diacritics in Latin-script words', () => {
    expect(normalizeWord('Café')).toBe('cafe');
    expect(normalizeWord('ÜBER')).toBe('uber');
    expect(textTerms('The Café, the CAFE!')).toEqual(['the', 'cafe']);
  });

  it('indexes Chinese as characters and character pairs', () => {
    const terms = textTerms('人工智能迈上新台阶');
    for (const term of ['人', '智', '人工', '智能', '台阶']) expect(terms).toContain(term);
  });

  it('matches a Chinese query however the saved text was segmented', () => {
    const saved = new Set(textTerms('DeepMind新电脑已可利用记忆自学，人工智能迈上新台阶'));
    for (const query of ['人工智能', '记忆', '新台阶', '智']) {
      const needed = queryTerms(query);
      expect(needed.length).toBeGreaterThan(0);
      expect(needed.every((term) => saved.has(term))).toBe(true);
    }
    expect(queryTerms('人工智障').every((term) => saved.has(term))).toBe(false);
  });

  it('splits mixed runs and keeps numbers', () => {
    expect(queryTerms('GPT-4o 模型')).toEqual(['gpt', '4o', '模型']);
  });

  it('matches a transliterated name the segmenter cuts into single characters through its pairs', () => {
    const segments = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment('奥尔德林在月球上做了什么？')];
    // The premise: the segmenter does not know the name and cuts it into characters.
    expect(segments.slice(0, 4).map((s) => s.segment)).toEqual(['奥', '尔', '德', '林']);
    expect(queryWords('奥尔德林在月球上做了什么？')[0]).toEqual({
      text: '奥尔德林',
      terms: ['奥尔', '尔德', '德林'],
      stop: false,
    });
    const saved = new Set(textTerms('巴兹·奥尔德林可能是第二个登上月球的人。'));
    expect(
      contentTerms('奥尔德林在月球上做了什么？').filter((term) => term.length === 2 && /奥|林|德/.test(term)),
    ).toEqual(['奥尔', '尔德', '德林']);
    for (const term of ['奥尔', '尔德', '德林']) expect(saved.has(term)).toBe(true);
    // Another name sharing one character does not match as a whole.
    expect(queryWords('奥巴马')[0]?.terms.every((term) => saved.has(term))).toBe(false);
  });

  it('stems English words in saved text and questions alike', () => {
    const saved = new Set(textTerms("The bridges of Mozilla's city"));
    expect(queryTerms('bridge mozilla').every((term) => saved.has(term))).toBe(true);
  });
});
