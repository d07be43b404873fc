import { describe, expect, it } from 'vitest';
import { contentTerms } from './search-terms';
import { isStopWord } from './stop-words';

describe('stop words', () => {
  it('include Chinese question words such as 哪个, and question scaffolding in both languages', () => {
    for (const word of ['哪个', '哪些', '什么', '如何', '请问', '文章', 'what', 'does', 'article', 'mention']) {
      expect(isStopWord(word)).toBe(true);
    }
    for (const word of ['手机', '拍照', 'bridge', 'whale']) expect(isStopWord(word)).toBe(false);
  });

  it('leave only the topic words of a question', () => {
    expect(contentTerms('哪个手机拍照最好？')).toEqual(['手机', '拍照', '最好']);
    expect(contentTerms('What does the article say about bridges?')).toEqual(['bridg']);
    expect(contentTerms('what is this?')).toEqual([]);
    expect(contentTerms('这是什么？')).toEqual([]);
  });
});
