import { storage } from 'wxt/utils/storage';

/** Settings of the in-page selection toolbar. */
export interface EmbeddedSettings {
  readonly toolbarEnabled: boolean;
  /** How long a selection must rest before the toolbar appears, so quick clicks never flash it. */
  readonly toolbarDelayMs: number;
  /** Hostnames where the toolbar never appears. */
  readonly disabledSites: string[];
  /** Translate's target language; 'auto' means Chinese for other text, English for Chinese text. */
  readonly translateTo: string;
}

export const defaultEmbeddedSettings: EmbeddedSettings = {
  toolbarEnabled: true,
  toolbarDelayMs: 350,
  disabledSites: [],
  translateTo: 'auto',
};

export const embeddedSettingsItem = storage.defineItem<EmbeddedSettings>('local:embedded', {
  fallback: defaultEmbeddedSettings,
  version: 1,
});

/** Whether the toolbar shows on a page of this hostname. */
export function toolbarAllowed(settings: EmbeddedSettings, hostname: string): boolean {
  return settings.toolbarEnabled && !settings.disabledSites.includes(hostname);
}
