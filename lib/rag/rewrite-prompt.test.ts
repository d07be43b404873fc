import { describe, expect, it } from 'vitest';
import { libraryRewritePrompt, parseRewrites, questionLanguage, rewriteLanguages } from './rewrite-prompt';

describe('questionLanguage and rewriteLanguages', () => {
  it('tells Chinese from English questions, mixed ones by what dominates', () => {
    expect(questionLanguage('When did the Loxley bridge open?')).toBe('en');
    expect(questionLanguage('洛克斯利桥是什么时候通车的？')).toBe('zh');
    expect(questionLanguage('WebGPU 在浏览器里怎么用？')).toBe('zh');
    expect(questionLanguage('What does 天气 mean in this article?')).toBe('en');
  });

  it('adds the other language only when the library holds pages in it', () => {
    const both = { zh: true, en: true };
    expect(rewriteLanguages('How do bridges fail?', both)).toEqual(['en', 'zh']);
    expect(rewriteLanguages('桥梁为什么会坍塌？', both)).toEqual(['zh', 'en']);
    expect(rewriteLanguages('How do bridges fail?', { zh: false, en: true })).toEqual(['en']);
    expect(rewriteLanguages('桥梁为什么会坍塌？', { zh: true, en: false })).toEqual(['zh']);
  });

  it('asks for a JSON array in the chosen languages and sends the question alone', () => {
    const [system, user] = libraryRewritePrompt('桥梁为什么会坍塌？', ['zh', 'en']);
    expect(system?.content).toContain('2 in Simplified Chinese and 1 in English');
    expect(system?.content).toContain('JSON array');
    expect(user).toEqual({ role: 'user', content: '桥梁为什么会坍塌？' });
    expect(libraryRewritePrompt('q', ['en'])[0]?.content).toContain('3 in English');
  });
});

describe('parseRewrites', () => {
  const question = 'How do bridges fail?';

  it('reads a JSON array, bare or fenced, with a preamble', () => {
    expect(parseRewrites('["bridge collapse causes", "桥梁 坍塌 原因"]', question)).toEqual([
      'bridge collapse causes',
      '桥梁 坍塌 原因',
    ]);
    expect(parseRewrites('Sure! Here you go:\n```json\n["a b", "c d"]\n```', question)).toEqual(['a b', 'c d']);
  });

  it('reads one query a line when there is no JSON, dropping preambles, numbering and the question itself', () => {
    const reply =
      'Here are the rewrites:\n1. bridge collapse causes\n2) "how do bridges fail?"\n- structural failure of bridges';
    expect(parseRewrites(reply, question)).toEqual(['bridge collapse causes', 'structural failure of bridges']);
  });

  it('keeps at most four, without repeats or non-strings', () => {
    expect(parseRewrites('["a", "A", 3, "b", "c", "d", "e"]', question)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores a reasoning model’s thinking', () => {
    expect(parseRewrites('<think>The user wants ["x"]</think>\n["bridge failure modes"]', question)).toEqual([
      'bridge failure modes',
    ]);
  });

  it('gives nothing for junk, so the question is searched as asked', () => {
    expect(parseRewrites('', question)).toEqual([]);
    expect(parseRewrites('```\n```', question)).toEqual([]);
    expect(parseRewrites('[]', question)).toEqual([]);
    expect(parseRewrites(`${'x'.repeat(300)}`, question)).toEqual([]);
    expect(parseRewrites('How do bridges fail?', question)).toEqual([]);
  });
});
