import { z } from 'zod';

/**
 * A saved provider profile: where to send prompts and which model to use.
 * The API key is not part of it: keys live in a separate storage item that
 * only the background reads (lib/settings/api-keys.ts).
 */
export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  presetId: z.string().min(1),
  baseURL: z.url(),
  model: z.string().min(1),
  models: z.array(z.string()),
  temperature: z.number().min(0).max(2).optional(),
  /** Whether a key is stored for this profile; the key itself never leaves the background. */
  hasApiKey: z.boolean(),
});

export type Profile = z.infer<typeof profileSchema>;

/** What a form submits: a profile without the derived `hasApiKey`, id optional for new ones. */
export const profileDraftSchema = profileSchema.omit({ id: true, hasApiKey: true }).extend({
  id: z.string().min(1).optional(),
});

export type ProfileDraft = z.infer<typeof profileDraftSchema>;
