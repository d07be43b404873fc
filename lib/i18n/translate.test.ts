import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { resolveLocale, translator } from './translate';
import { zhCN } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('translations', () => {
  it('uses the same placeholders in Chinese as in English for every key', () => {
    const mismatched = (Object.keys(en) as MessageKey[]).filter(
      (key) => placeholders(en[key]).join() !== placeholders(zhCN[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('translates every key into Chinese rather than leaving English behind', () => {
    const sameAsEnglish = (Object.keys(en) as MessageKey[]).filter(
      (key) => /[a-z]{4,}/i.test(en[key]) && zhCN[key] === en[key] && !['app.name', 'chat.assistant'].includes(key),
    );
    expect(sameAsEnglish).toEqual([]);
  });

  it('fills placeholders and follows the browser language on auto', () => {
    expect(translator('en')('chat.retrying', { seconds: 3, attempt: 1, max: 4 })).toBe(
      'Retrying in 3 s (attempt 1 of 4)…',
    );
    expect(translator('zh-CN')('chat.send')).toBe('发送');
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('auto', 'en-US')).toBe('en');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
  });

  it('says one page, not "1 pages": a count of 1 takes the key’s One form where it has one', () => {
    const t = translator('en');
    expect(t('rag.indexed', { count: 1 })).toBe('1 page indexed for questions');
    expect(t('rag.indexed', { count: 2 })).toBe('2 pages indexed for questions');
    expect(t('rag.indexed', { count: 0 })).toBe('0 pages indexed for questions');
    expect(t('mcp.status.ok', { count: 1, transport: 'sse' })).toBe('Connected · 1 tool (sse)');
    expect(t('library.deleted', { count: 3 })).toBe('Deleted 3 pages.');
    expect(translator('zh-CN')('rag.indexed', { count: 1 })).toBe('已为问答索引 1 个页面');
    // No English counted string says "1 …s" where its One form is missing.
    const pluralOnly = (Object.keys(en) as MessageKey[]).filter(
      (key) => /\{count\} [a-z]+s\b/.test(en[key]) && !key.endsWith('One') && !(`${key}One` in en),
    );
    expect(pluralOnly).toEqual([]);
  });
});
