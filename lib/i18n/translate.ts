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

/** A translate function for one locale; `{name}` placeholders are filled from params. */
export function translator(locale: Locale): Translate {
  const table: Record<MessageKey, string> = locale === 'zh-CN' ? zhCN : en;
  return (key, params) => {
    const text = table[key] ?? en[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}
