import { z } from 'zod';

/** The local file formats Aside reads. */
export const fileFormats = ['pdf', 'docx', 'markdown', 'text', 'html', 'csv'] as const;
export const fileFormatSchema = z.enum(fileFormats);
export type FileFormat = z.infer<typeof fileFormatSchema>;

const byExtension: Readonly<Record<string, FileFormat>> = {
  pdf: 'pdf',
  docx: 'docx',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  txt: 'text',
  text: 'text',
  log: 'text',
  htm: 'html',
  html: 'html',
  xhtml: 'html',
  csv: 'csv',
  tsv: 'csv',
};

const byMime: Readonly<Record<string, FileFormat>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/csv': 'csv',
  'text/tab-separated-values': 'csv',
};

/**
 * The format of a file by its name's extension, else by the type the browser
 * reports (which is often empty or guessed from the extension anyway); null:
 * a format Aside does not read (an old binary .doc, a spreadsheet, an image).
 */
export function formatOf(file: { readonly name: string; readonly type: string }): FileFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (extension && byExtension[extension]) return byExtension[extension];
  return byMime[file.type.split(';')[0]?.trim().toLowerCase() ?? ''] ?? null;
}

/** What the file picker offers: the extensions above. */
export const acceptedFiles = Object.keys(byExtension)
  .map((extension) => `.${extension}`)
  .join(',');
