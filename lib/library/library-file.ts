import { z } from 'zod';
import { contextKindSchema } from '../capture/context-kind';
import { captureMethodSchema } from '../capture/page-context';
import type { ClipRecord, PageRecord } from '../db/records';

/** One page in an export file: every stored field except the search terms, which are rebuilt on import. */
export const exportedPageSchema = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  lang: z.string().nullable(),
  excerpt: z.string().nullable(),
  publishedTime: z.string().nullable().optional(),
  markdown: z.string(),
  contentHash: z.string(),
  wordCount: z.number().int().nonnegative(),
  favIconUrl: z.string().optional(),
  method: captureMethodSchema,
  cutAtCapture: z.boolean(),
  kind: contextKindSchema.optional(),
  source: z.enum(['saved', 'auto']),
  tags: z.array(z.string()),
  savedAt: z.number(),
  updatedAt: z.number(),
});

/** A stored page as it crosses contexts (Undo sends deleted pages back). */
export const pageRecordSchema = exportedPageSchema.extend({ terms: z.array(z.string()) });

export const clipSchema = z.object({
  id: z.string().min(1),
  pageUrl: z.string(),
  text: z.string(),
  paragraph: z.string(),
  headingPath: z.array(z.string()),
  savedAt: z.number(),
});

/** The export file: versioned so a later Aside can read an older file. */
export const libraryFileSchema = z.object({
  format: z.literal('aside-library'),
  version: z.literal(1),
  exportedAt: z.number(),
  pages: z.array(exportedPageSchema),
  clips: z.array(clipSchema).default([]),
});

export type LibraryFile = z.infer<typeof libraryFileSchema>;

export function toLibraryFile(
  pages: readonly PageRecord[],
  clips: readonly ClipRecord[],
  now = Date.now(),
): LibraryFile {
  return {
    format: 'aside-library',
    version: 1,
    exportedAt: now,
    pages: pages.map(({ terms: _terms, ...page }) => page),
    clips: [...clips],
  };
}
