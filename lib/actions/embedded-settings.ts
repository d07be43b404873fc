import { z } from 'zod';
import { parsedStorageItem } from '../settings/parsed-storage-item';

/**
 * Settings of the in-page selection toolbar. They stay in `storage.local`
 * because the content script reads them on every page (and "Hide on this
 * site" writes them from the page): whatever a page writes here can only
 * show or hide the toolbar or change the translation language, never send
 * anything anywhere. Parsed with bounds on every read.
 */
export const embeddedSettingsSchema = z.object({
  toolbarEnabled: z.boolean(),
  /** How long a selection must rest before the toolbar appears, so quick clicks never flash it. */
  toolbarDelayMs: z.number().int().min(0).max(5000),
  /** Hostnames where the toolbar never appears. */
  disabledSites: z.array(z.string().max(253)).max(5000),
  /** Translate's target language (a language name: letters only); 'auto' means Chinese for other text, English for Chinese text. */
  translateTo: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{M} ()-]+$/u),
});
export type EmbeddedSettings = z.infer<typeof embeddedSettingsSchema>;

export const defaultEmbeddedSettings: EmbeddedSettings = {
  toolbarEnabled: true,
  toolbarDelayMs: 350,
  disabledSites: [],
  translateTo: 'auto',
};

export const embeddedSettingsItem = parsedStorageItem(
  'local:embedded',
  embeddedSettingsSchema,
  defaultEmbeddedSettings,
);

/** Whether the toolbar shows on a page of this hostname. */
export function toolbarAllowed(settings: EmbeddedSettings, hostname: string): boolean {
  return settings.toolbarEnabled && !settings.disabledSites.includes(hostname);
}
