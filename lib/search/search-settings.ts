import { z } from 'zod';
import { httpUrl } from '../consent/url-rules';
import { browserSites, searchEngineIds } from './engines';

/** A results page template: an http(s) URL with a `{query}` placeholder. */
export const resultsTemplate = z
  .string()
  .max(2000)
  .refine((value) => value.includes('{query}'), 'Must contain {query}')
  .refine((value) => httpUrl.safeParse(value.replaceAll('{query}', 'q')).success, 'Must be an http(s) URL');

/**
 * Web search settings. They decide where the user's questions go, so they
 * live in IndexedDB with the other security settings (secure-settings.ts);
 * keys are kept apart, bound to their endpoint's origin (search-keys.ts).
 */
export const webSearchSettingsSchema = z.object({
  /** The engine questions go to. */
  engine: z.enum(searchEngineIds),
  /** Per engine: its endpoint when not the documented one (SearXNG: the instance's address). */
  endpoints: z.partialRecord(z.enum(searchEngineIds), httpUrl).default({}),
  /** Google Programmable Search: the search engine id (`cx`). */
  googleCx: z.string().trim().max(200).default(''),
  /** No-key mode: which site's results page is read. */
  browserSite: z.enum(browserSites).default('bing'),
  /** No-key mode: a results page other than the site's own (a regional domain, a test page). */
  browserUrls: z.partialRecord(z.enum(browserSites), resultsTemplate).default({}),
  /** How many result pages are read for an answer (0: answer from the engine's snippets). */
  pagesToRead: z.number().int().min(0).max(10).default(5),
  /** Have the model turn the question into 1–3 search queries first (one more model request). */
  rewriteQueries: z.boolean().default(false),
  /** Seconds the result pages may take, all together, before the answer goes on without the slow ones. */
  readBudgetSeconds: z.number().int().min(2).max(60).default(8),
});
export type WebSearchSettings = z.infer<typeof webSearchSettingsSchema>;

/** No key needed: Bing's results page in a background tab, until the user picks an engine. */
export const defaultWebSearchSettings: WebSearchSettings = webSearchSettingsSchema.parse({ engine: 'browser' });
