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

  it('leave out the scaffolding of questions about saved pages, in English and Chinese', () => {
    expect(contentTerms('Do I have anything saved regarding bridges?')).toEqual(['bridg']);
    expect(contentTerms('What details did the article I wrote discuss about whales?')).toEqual(['whale']);
    for (const word of [
      'anything',
      'regarding',
      'information',
      'discuss',
      'remember',
      '有关',
      '内容',
      '哪篇',
      '详细',
    ]) {
      expect(isStopWord(word)).toBe(true);
    }
    // Topic words that look like scaffolding stay: a question about a library or a summary has them as its subject.
    for (const word of ['library', 'summary', '图书馆']) expect(isStopWord(word)).toBe(false);
  });
});
