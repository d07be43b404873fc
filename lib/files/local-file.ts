import { z } from 'zod';
import { fileFormatSchema } from './file-format';
import { fileLimits } from './file-limits';

/**
 * A local file as text, read in the side panel (lib/files/read-local-file.ts):
 * what crosses to the background to become chat context or a library record.
 * The bytes themselves never leave the panel, except a PDF's, to the
 * offscreen document where pdf.js reads them.
 */
export const localFileSchema = z.object({
  name: z.string().min(1).max(300),
  format: fileFormatSchema,
  markdown: z.string().max(fileLimits.maxMarkdownChars),
  lang: z.string().max(40).nullable(),
  /** A PDF's pages, and how many were read (the page budget may stop earlier). */
  pages: z.number().int().nonnegative().optional(),
  pagesRead: z.number().int().nonnegative().optional(),
  /** True when reading stopped early (page budget, size limit, CSV rows left out). */
  cut: z.boolean(),
});
export type LocalFile = z.infer<typeof localFileSchema>;
