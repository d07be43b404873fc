import { storage } from 'wxt/utils/storage';
import type { Profile } from './profile';

/**
 * Small settings live in versioned `storage.local` items; documents live in
 * Dexie (lib/db). Nothing is written to `storage.sync`: profiles name the
 * user's providers and we keep even that on this machine.
 */
export type UiLanguage = 'auto' | 'en' | 'zh-CN';

export interface GeneralSettings {
  readonly uiLanguage: UiLanguage;
  /** Tokens of page text sent with a question; longer pages are cut, visibly. */
  readonly pageTokenBudget: number;
  /** Onboarding finished or skipped. */
  readonly onboarded: boolean;
}

export const defaultGeneralSettings: GeneralSettings = {
  uiLanguage: 'auto',
  pageTokenBudget: 12_000,
  onboarded: false,
};

export const generalSettingsItem = storage.defineItem<GeneralSettings>('local:settings', {
  fallback: defaultGeneralSettings,
  version: 1,
});

export const profilesItem = storage.defineItem<Profile[]>('local:profiles', { fallback: [], version: 1 });

export interface ActiveSelection {
  readonly profileId: string;
  readonly model: string;
}

/** The profile and model new chats use; each chat may pick its own. */
export const activeProfileItem = storage.defineItem<ActiveSelection | null>('local:activeProfile', {
  fallback: null,
  version: 1,
});
