import { z } from 'zod';

/** A page as captured by the content script: Markdown plus metadata. */
export const capturedPageSchema = z.object({
  url: z.string(),
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  lang: z.string().nullable(),
  excerpt: z.string().nullable(),
  /** As the page states it (ISO 8601 usually), when it does. */
  publishedTime: z.string().nullable().optional(),
  markdown: z.string(),
  /** `readability` when the page read as an article, `visible-text` for the fallback. */
  method: z.enum(['readability', 'visible-text']),
  /** True when the capture itself stopped early because the document was huge. */
  cutAtCapture: z.boolean(),
  /** Milliseconds the capture took in the page (absent when served from the cache). */
  captureMs: z.number().nonnegative().optional(),
});

export type CapturedPage = z.infer<typeof capturedPageSchema>;

/** What the UI shows about the page that went into a prompt. */
export const pageContextInfoSchema = z.object({
  url: z.string(),
  title: z.string(),
  favIconUrl: z.string().optional(),
  tokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  truncated: z.boolean(),
  method: z.enum(['readability', 'visible-text']),
  lang: z.string().nullable(),
});

export type PageContextInfo = z.infer<typeof pageContextInfoSchema>;
