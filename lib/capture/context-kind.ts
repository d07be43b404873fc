import { z } from 'zod';
import { fileFormatSchema } from '../files/file-format';

/**
 * What kind of thing is in context, with what the user needs to know about
 * its size. A web page needs nothing more; a PDF has pages, and may have been
 * read only up to the page budget. Local files, video transcripts and
 * screenshots join this union as members of their own: `contextKindLabel` in
 * the context bar must then name them, which the compiler checks (its switch
 * is exhaustive).
 */
export const contextKindSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page') }),
  z.object({
    kind: z.literal('pdf'),
    /** Pages in the document. */
    pages: z.number().int().nonnegative(),
    /** Pages read: fewer than `pages` when the page budget cut the document. */
    pagesRead: z.number().int().nonnegative(),
  }),
  /** A local file saved to the library (lib/files): its format, and a PDF's pages. */
  z.object({
    kind: z.literal('file'),
    format: fileFormatSchema,
    pages: z.number().int().nonnegative().optional(),
    pagesRead: z.number().int().nonnegative().optional(),
  }),
  z.object({
    kind: z.literal('transcript'),
    /** The video site whose watch page it came from: it decides the form of timestamp links. */
    site: z.enum(['youtube', 'bilibili']),
    /** The video's length in seconds (the last caption's end when the page does not say). */
    durationSec: z.number().nonnegative(),
    /** The captions' language tag as the site names it (`en`, `zh-Hans`, `ai-zh`). */
    language: z.string().max(40).nullable(),
  }),
]);
export type ContextKind = z.infer<typeof contextKindSchema>;

/** Captures and records stored before kinds existed are web pages. */
export const pageKind: ContextKind = { kind: 'page' };

/** The kind of a capture, a record or a context: a web page when it says nothing. */
export function kindOf(item: { readonly kind?: ContextKind | undefined }): ContextKind {
  return item.kind ?? pageKind;
}
