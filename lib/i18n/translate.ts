import type { UiLanguage } from '../settings/storage-items';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'en' | 'zh-CN';
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** The locale to show: the user's choice, or the browser's language. */
export function resolveLocale(choice: UiLanguage, browserLanguage: string): Locale {
  if (choice !== 'auto') return choice;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * A translate function for one locale; `{name}` placeholders are filled from params. When `params.count`
 * is 1 and the table has the key followed by `One` ("rag.indexedOne"), that singular form is used.
 */
export function translator(locale: Locale): Translate {
  const table: Record<MessageKey, string> = locale === 'zh-CN' ? zhCN : en;
  return (key, params) => {
    const singular = params?.count === 1 && `${key}One` in en ? (`${key}One` as MessageKey) : null;
    const text = singular ? (table[singular] ?? en[singular]) : (table[key] ?? en[key]);
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}
