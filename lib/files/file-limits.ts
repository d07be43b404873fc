import { pdfLimits } from '../pdf/pdf-limits';
import type { FileFormat } from './file-format';

/**
 * How large a local file may be. PDFs share the tab's limit (their bytes cross
 * to the offscreen document in one message); a Word file is a zip whose text
 * is a small part; text formats are read whole into memory, so they are kept
 * smaller. Past these, the file is refused with its size, before it is read.
 */
export const fileLimits = {
  maxBytes: {
    pdf: pdfLimits.maxBytes,
    docx: 30 * 1024 * 1024,
    markdown: 10 * 1024 * 1024,
    text: 10 * 1024 * 1024,
    html: 10 * 1024 * 1024,
    csv: 10 * 1024 * 1024,
  } satisfies Record<FileFormat, number>,
  /** Files attached to one question at most. */
  maxFiles: 10,
  /** Characters of Markdown kept at most per file (as for web pages, lib/capture/limits.ts). */
  maxMarkdownChars: 2_000_000,
} as const;
