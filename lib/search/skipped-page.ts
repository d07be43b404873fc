import { z } from 'zod';

/**
 * Why a search result page was not read. Apart from lib/search/read-pages.ts so that the streams' schemas
 * (and so the in-page card's script) do not pull in Readability.
 */
export const skipReasons = ['timeout', 'not-html', 'http', 'unreachable', 'elsewhere', 'empty', 'private'] as const;

/** A result page that was not read, and why: listed under the answer's sources. */
export const skippedPageSchema = z.object({
  url: z.string(),
  title: z.string(),
  reason: z.enum(skipReasons),
  /** The HTTP status, for `http`. */
  status: z.number().int().optional(),
});
export type SkippedPage = z.infer<typeof skippedPageSchema>;
