import { z } from 'zod';
import { contextKindSchema } from './context-kind';

/** How the text was taken: Readability's article, the visible-text fallback, pdf.js's text layer, a local file's converter, or a video's captions. */
export const captureMethodSchema = z.enum(['readability', 'visible-text', 'pdf', 'file', 'transcript']);
export type CaptureMethod = z.infer<typeof captureMethodSchema>;

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
  method: captureMethodSchema,
  /** True when the capture itself stopped early because the document was huge. */
  cutAtCapture: z.boolean(),
  /** Milliseconds the capture took in the page (absent when served from the cache). */
  captureMs: z.number().nonnegative().optional(),
  /** What it is (lib/capture/context-kind.ts); absent: a web page. */
  kind: contextKindSchema.optional(),
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
  method: captureMethodSchema,
  lang: z.string().nullable(),
  /** What is in context: a page, a PDF (with its pages), … (lib/capture/context-kind.ts); absent: a web page. */
  kind: contextKindSchema.optional(),
});

export type PageContextInfo = z.infer<typeof pageContextInfoSchema>;
