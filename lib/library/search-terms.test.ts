import { describe, expect, it } from 'vitest';
import { normalizeWord, queryTerms, textTerms } from './search-terms';

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
});
