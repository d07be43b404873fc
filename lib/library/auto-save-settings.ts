import { storage } from 'wxt/utils/storage';

/** Automatic saving of visited pages: off until the user turns it on. */
export interface AutoSaveSettings {
  readonly enabled: boolean;
  /** Seconds a page must be visible in the foreground before it is saved. */
  readonly minReadSeconds: number;
  /** When not empty, only these sites are saved (host names; a name also covers its subdomains). */
  readonly allow: readonly string[];
  /** Sites never saved: the user's private sites. */
  readonly deny: readonly string[];
}

export const defaultAutoSaveSettings: AutoSaveSettings = { enabled: false, minReadSeconds: 30, allow: [], deny: [] };

export const autoSaveSettingsItem = storage.defineItem<AutoSaveSettings>('local:autoSave', {
  fallback: defaultAutoSaveSettings,
  version: 1,
});
