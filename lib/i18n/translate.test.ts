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
});
