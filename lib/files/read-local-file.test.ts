// @vitest-environment jsdom
import { File } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { writeDocx, writeZip } from '../../tests/support/docx-writer';
import { AsideError } from '../messaging/errors';
import type { PdfExtraction } from '../pdf/pdf-extraction';
import { formatOf } from './file-format';
import { readLocalFile } from './read-local-file';

const noPdf = {
  extractPdf: async (): Promise<PdfExtraction> => {
    throw new Error('not a PDF test');
  },
};
const fileOf = (name: string, content: string | Uint8Array, type = '') => new File([content], name, { type });
const read = (name: string, content: string | Uint8Array) => readLocalFile(fileOf(name, content), noPdf);
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AsideError);
  return error as AsideError;
};

describe('local files: formats', () => {
  it('knows a format by extension, then by type', () => {
    expect(formatOf({ name: 'Notes.MD', type: '' })).toBe('markdown');
    expect(formatOf({ name: 'report', type: 'application/pdf' })).toBe('pdf');
    expect(formatOf({ name: 'data.tsv', type: '' })).toBe('csv');
    expect(formatOf({ name: 'old.doc', type: 'application/msword' })).toBeNull();
    expect(formatOf({ name: 'photo.png', type: 'image/png' })).toBeNull();
  });
});

describe('local files: converters', () => {
  it('reads a Word file as Markdown with its headings, in English and Chinese', async () => {
    const docx = writeDocx([
      { text: 'Tide tables', heading: 1 },
      { text: 'The tide at Porto rises twice a day.' },
      { text: '潮汐说明', heading: 2 },
      { text: '波尔图的潮水每天涨落两次。' },
    ]);
    const file = await read('tides.docx', docx);
    expect(file).toMatchObject({ name: 'tides.docx', format: 'docx', cut: false });
    expect(file.markdown).toBe(
      '# Tide tables\n\nThe tide at Porto rises twice a day.\n\n## 潮汐说明\n\n波尔图的潮水每天涨落两次。',
    );
  });

  it('refuses a broken Word file, a zip that is not one, and a protected one, each with its reason', async () => {
    expect((await failure(read('broken.docx', Buffer.from('PK\u0003\u0004 not really a zip')))).code).toBe(
      'file-broken',
    );
    expect((await failure(read('other.docx', writeZip([['readme.txt', 'hello']])))).code).toBe('file-broken');
    const compound = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const protectedFile = await failure(read('secret.docx', compound));
    expect(protectedFile.code).toBe('file-docx-protected');
    expect(protectedFile.params).toEqual({ name: 'secret.docx' });
  });

  it('reads Markdown and text as they are, in UTF-8, UTF-16 and GB18030', async () => {
    expect((await read('a.md', '\uFEFF# Notes\n\n- one\n')).markdown).toBe('# Notes\n\n- one');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Hi 你好', 'utf16le')]);
    expect((await read('b.txt', utf16)).markdown).toBe('Hi 你好');
    // "中文" in GB18030: not valid UTF-8, as many Chinese Windows programs save text.
    const gb = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);
    expect((await read('c.txt', gb)).markdown).toBe('中文');
  });

  it('reads an HTML file with Readability when it has an article, else its text', async () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i} of the saved article about tides, long enough to read as prose for Readability.</p>`,
    ).join('');
    const article = await read(
      'saved.html',
      `<html lang="en"><head><title>T</title></head><body><nav>Home · Menu</nav><article><h1>Tides</h1>${paragraphs}</article><script>alert(1)</script></body></html>`,
    );
    expect(article.markdown).toContain('Paragraph 5 of the saved article');
    expect(article.markdown).not.toContain('Home · Menu');
    expect(article.markdown).not.toContain('alert');
    const plain = await read('note.html', '<p>Just one line.</p>');
    expect(plain.markdown).toBe('Just one line.');
  });

  it('reads a CSV file as a Markdown table', async () => {
    const file = await read('rain.csv', 'city;mm\nLisbon;100\n里斯本;120\n');
    expect(file.markdown).toBe('| city | mm |\n| --- | --- |\n| Lisbon | 100 |\n| 里斯本 | 120 |');
  });

  it('hands a PDF to pdf.js and keeps its pages', async () => {
    const file = await readLocalFile(fileOf('r.pdf', '%PDF-1.4 …'), {
      extractPdf: async () => ({
        markdown: '[Page 1]\n\nRain.',
        pages: 2,
        pagesRead: 2,
        title: null,
        lang: 'en',
        cut: false,
        ms: 1,
      }),
    });
    expect(file).toMatchObject({ format: 'pdf', pages: 2, pagesRead: 2, markdown: '[Page 1]\n\nRain.' });
  });
});

describe('local files: what cannot be read', () => {
  it('refuses an unsupported kind of file, naming it', async () => {
    const error = await failure(read('sheet.xlsx', 'x'));
    expect(error).toMatchObject({ code: 'file-unsupported', params: { name: 'sheet.xlsx' } });
  });

  it('refuses a file over its limit before reading it, with both sizes', async () => {
    const big = fileOf('huge.txt', 'x');
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    const error = await failure(readLocalFile(big, noPdf));
    expect(error).toMatchObject({ code: 'file-too-large', params: { name: 'huge.txt', size: '11 MB', max: '10 MB' } });
  });

  it('refuses an empty file, and one with no text', async () => {
    expect((await failure(read('empty.md', ''))).code).toBe('file-empty');
    expect((await failure(read('blank.txt', '  \n\n  '))).code).toBe('file-empty');
    expect((await failure(read('blank.docx', writeDocx([{ text: ' ' }])))).code).toBe('file-empty');
  });

  it('refuses a binary file named as text', async () => {
    expect((await failure(read('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])))).code).toBe(
      'file-broken',
    );
  });
});
