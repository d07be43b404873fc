import { z } from 'zod';

/** What extracting a PDF gives: Markdown with page markers, and what the user needs to know about the cut. */
export const pdfExtractionSchema = z.object({
  markdown: z.string(),
  /** Pages in the document. */
  pages: z.number().int().nonnegative(),
  /** Pages read (the page or time budget may stop earlier). */
  pagesRead: z.number().int().nonnegative(),
  /** The document's own title (its metadata), when it has one. */
  title: z.string().nullable(),
  lang: z.string().nullable(),
  /** True when pages were left out or the Markdown was cut to its limit. */
  cut: z.boolean(),
  /** Milliseconds the extraction took. */
  ms: z.number().nonnegative(),
});
export type PdfExtraction = z.infer<typeof pdfExtractionSchema>;
