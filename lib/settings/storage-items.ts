import { z } from 'zod';
import { parsedStorageItem } from './parsed-storage-item';

/**
 * The few settings that stay in `storage.local`. Content scripts can read and
 * write it, so only what is harmless if a page rewrites it stays here, and it
 * is parsed with bounds on every read; everything that decides where data
 * goes lives in IndexedDB (lib/settings/secure-settings.ts). Nothing is
 * written to `storage.sync`.
 */
export const uiLanguages = ['auto', 'en', 'zh-CN'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** Tokens of page text sent with a question; longer pages are cut, visibly. */
export const pageTokenBudgetRange = { min: 500, max: 200_000 } as const;

export const generalSettingsSchema = z.object({
  uiLanguage: z.enum(uiLanguages).catch('auto'),
  pageTokenBudget: z.number().int().min(pageTokenBudgetRange.min).max(pageTokenBudgetRange.max).catch(12_000),
  /** Onboarding finished or skipped. */
  onboarded: z.boolean().catch(false),
});
export type GeneralSettings = z.infer<typeof generalSettingsSchema>;

export const defaultGeneralSettings: GeneralSettings = {
  uiLanguage: 'auto',
  pageTokenBudget: 12_000,
  onboarded: false,
};

/** UI language, page budget, onboarding. */
export const generalSettingsItem = parsedStorageItem('local:settings', generalSettingsSchema, defaultGeneralSettings);
