import { z } from 'zod';

/** A host name as the user types it (a name also covers its subdomains; `*.` is allowed). */
const siteSchema = z.string().trim().min(1).max(253);

/** Automatic saving of visited pages: off until the user turns it on. */
export const autoSaveSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Seconds a page must be visible in the foreground before it is saved. */
  minReadSeconds: z.number().int().min(1).max(3600),
  /** When not empty, only these sites are saved. */
  allow: z.array(siteSchema).max(1000).readonly(),
  /** Sites never saved: the user's private sites. */
  deny: z.array(siteSchema).max(1000).readonly(),
});
export type AutoSaveSettings = z.infer<typeof autoSaveSettingsSchema>;

export const defaultAutoSaveSettings: AutoSaveSettings = { enabled: false, minReadSeconds: 30, allow: [], deny: [] };
