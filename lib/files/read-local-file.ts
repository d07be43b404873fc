import { guessLanguage } from '../capture/language';
import { AsideError } from '../messaging/errors';
import type { PdfExtraction } from '../pdf/pdf-extraction';
import { csvToMarkdown } from './csv-markdown';
import { decodeText } from './decode-text';
import { docxToMarkdown } from './docx-markdown';
import { formatOf } from './file-format';
import { fileLimits } from './file-limits';
import { htmlFileToMarkdown } from './html-file-markdown';
import type { LocalFile } from './local-file';

/** What reading a file needs from outside the panel: pdf.js, which runs in the offscreen document. */
export interface FileReaders {
  readonly extractPdf: (bytes: Uint8Array) => Promise<PdfExtraction>;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads a local file into Markdown, by its format. Throws AsideError with a
 * code the panel words for the user: `file-unsupported`, `file-too-large`,
 * `file-empty`, `file-broken`, `file-docx-protected`, or a PDF's own
 * (`pdf-encrypted`, `pdf-no-text`, `pdf-broken`).
 */
export async function readLocalFile(
  file: Pick<File, 'name' | 'type' | 'size' | 'arrayBuffer'>,
  readers: FileReaders,
): Promise<LocalFile> {
  const { name } = file;
  const format = formatOf(file);
  if (!format)
    throw new AsideError('file-unsupported', `${name}: this kind of file cannot be read.`, { params: { name } });
  const max = fileLimits.maxBytes[format];
  if (file.size > max) {
    throw new AsideError('file-too-large', `${name} is too large.`, {
      params: { name, size: megabytes(file.size), max: megabytes(max) },
    });
  }
  if (file.size === 0) throw new AsideError('file-empty', `${name} is empty.`, { params: { name } });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const read = await convert(format, bytes, name, readers);
  if (!/[\p{L}\p{N}]/u.test(read.markdown)) {
    throw new AsideError('file-empty', `${name} has no text.`, { params: { name } });
  }
  const markdown = read.markdown.slice(0, fileLimits.maxMarkdownChars);
  return {
    name,
    format,
    ...read,
    markdown,
    lang: read.lang ?? guessLanguage(markdown),
    cut: read.cut || markdown.length < read.markdown.length,
  };
}

type Converted = Pick<LocalFile, 'markdown' | 'lang' | 'cut' | 'pages' | 'pagesRead'>;

async function convert(
  format: NonNullable<ReturnType<typeof formatOf>>,
  bytes: Uint8Array,
  name: string,
  readers: FileReaders,
): Promise<Converted> {
  switch (format) {
    case 'pdf': {
      const pdf = await readers.extractPdf(bytes);
      return { markdown: pdf.markdown, lang: pdf.lang, cut: pdf.cut, pages: pdf.pages, pagesRead: pdf.pagesRead };
    }
    case 'docx':
      return { markdown: await docxToMarkdown(bytes, name), lang: null, cut: false };
    case 'markdown':
    case 'text':
      return {
        markdown: decodeText(bytes, name)
          .replace(/^\uFEFF/, '')
          .trim(),
        lang: null,
        cut: false,
      };
    case 'html': {
      const page = htmlFileToMarkdown(decodeText(bytes, name));
      return { markdown: page.markdown, lang: page.lang, cut: false };
    }
    case 'csv': {
      const table = csvToMarkdown(decodeText(bytes, name));
      return { markdown: table.markdown, lang: null, cut: table.rowsShown < table.rows };
    }
  }
}
