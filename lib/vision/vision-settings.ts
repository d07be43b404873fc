import { z } from 'zod';

/**
 * Per model name: whether it takes images, set by the user in the options page
 * where the guess from the name (vision-models.ts) is wrong. It decides whether
 * the screenshot button and pasted images are offered, i.e. whether pictures of
 * the user's screen go to the provider, so it is a secure setting (IndexedDB,
 * out of content scripts' reach; see lib/settings/secure-settings.ts).
 */
export const visionOverridesSchema = z.record(z.string().min(1).max(200), z.boolean());

export type VisionOverrides = z.infer<typeof visionOverridesSchema>;
