import { z } from 'zod';

/**
 * RAG-Fusion for library questions: `off`, `auto` (long or vague questions,
 * see fusion-rule.ts) or `on`. It sends one more request, carrying only the
 * question, to the provider and model that answer it.
 */
export const ragFusionModes = ['off', 'auto', 'on'] as const;
export type RagFusionMode = (typeof ragFusionModes)[number];

export const ragFusionSettingsSchema = z.object({
  mode: z.enum(ragFusionModes).default('off'),
});
export type RagFusionSettings = z.infer<typeof ragFusionSettingsSchema>;

/**
 * Off until the user turns it on: each fused question costs one more model
 * request (tokens on a paid provider) and waits for it, up to the budget,
 * before the library is searched, which a user of a slow local model feels.
 */
export const defaultRagFusionSettings: RagFusionSettings = { mode: 'off' };

/** How long the rewrite request may take before the question is searched as it is. */
export const rewriteBudgetMs = 2500;
