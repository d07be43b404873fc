/**
 * How much of a PDF Aside reads. The byte limit keeps the transfer to the
 * offscreen document within one runtime message (Chrome refuses messages over
 * 64 MiB, and the bytes travel as base64, a third larger); the page and time
 * budgets bound the work, and a document cut by them says so, as a long web
 * page does.
 */
export const pdfLimits = {
  /** Bytes of a PDF read at most; a larger file is refused with its size. */
  maxBytes: 40 * 1024 * 1024,
  /** Pages read at most; the rest are left out and the context says how many were read. */
  maxPages: 200,
  /** Extraction stops after the page that takes it past this many milliseconds, as if at the page budget. */
  maxMs: 90_000,
  /** Characters of Markdown kept at most (as for web pages, lib/capture/limits.ts). */
  maxMarkdownChars: 2_000_000,
  /**
   * Fewer letters than this in the pages read: the PDF has no text layer (a scan; page numbers stamped on
   * one are digits, not letters). Low, so a one-line PDF ("Hello PDF") still reads as text.
   */
  minTextChars: 3,
} as const;

/** The first bytes of every PDF file (a few bytes of junk may come before them, as PDF readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
