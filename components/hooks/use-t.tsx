import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { type Locale, resolveLocale, type Translate, translator } from '../../lib/i18n/translate';
import { generalSettingsItem } from '../../lib/settings/storage-items';
import { useStorageItem } from './use-storage-item';

interface I18n {
  readonly locale: Locale;
  readonly t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: translator('en') });

/** Provides the UI language: the user's setting, else the browser's; switches live. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const settings = useStorageItem(generalSettingsItem);
  const locale = resolveLocale(settings?.uiLanguage ?? 'auto', navigator.language);
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** A fixed locale without touching the document: for UI inside a web page (content script). */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
