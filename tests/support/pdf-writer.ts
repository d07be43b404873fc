import { createHash } from 'node:crypto';

/**
 * A small PDF writer for test fixtures: text placed line by line in a
 * standard font (Helvetica) or in Adobe's non-embedded Chinese font
 * STSong-Light through the predefined CMap UniGB-UTF16-H (as many Chinese
 * PDFs do, and which only extracts when the reader has Adobe's CMaps),
 * image-only pages (a scan has no text layer), an outline, metadata, and the
 * standard security handler (RC4, 40-bit) with a user password.
 */

export interface PdfLineSpec {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size?: number;
  /** `cjk` sets the line in STSong-Light through UniGB-UTF16-H. */
  readonly font?: 'latin' | 'cjk';
}

export interface PdfPageSpec {
  readonly lines?: readonly PdfLineSpec[];
  /** Paint a grey picture over the page (no text): what a scanned page is. */
  readonly image?: boolean;
}

export interface PdfSpec {
  readonly pages: readonly PdfPageSpec[];
  readonly title?: string;
  /** Bookmarks: a title and the 0-based page it opens. */
  readonly outline?: readonly { readonly title: string; readonly page: number }[];
  /** Encrypts the document: a reader needs this password to open it. */
  readonly userPassword?: string;
}

const padding = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), padding]).subarray(0, 32);

/** The standard security handler, revision 2 (PDF 1.7, 7.6.3): O, U and the file key. */
function securityHandler(userPassword: string, id: Buffer) {
  const permissions = -4;
  const owner = rc4(md5(padded(`${userPassword}-owner`)).subarray(0, 5), padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded(userPassword), owner, p, id).subarray(0, 5);
  const user = rc4(key, padding);
  return { key, owner, user, permissions };
}

const latinString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
const utf16Hex = (text: string) => `<${Buffer.from(text, 'utf16le').swap16().toString('hex')}>`;

function pageContent(page: PdfPageSpec): string {
  const ops: string[] = [];
  if (page.image) ops.push('q 500 0 0 700 50 70 cm /Im1 Do Q');
  for (const line of page.lines ?? []) {
    const font = line.font === 'cjk' ? 'F2' : 'F1';
    const text = line.font === 'cjk' ? utf16Hex(line.text) : latinString(line.text);
    ops.push(`BT /${font} ${line.size ?? 11} Tf ${line.x} ${line.y} Td ${text} Tj ET`);
  }
  return ops.join('\n');
}

/** Writes the PDF: objects, a cross-reference table and a trailer. */
export function writePdf(spec: PdfSpec): Buffer {
  const id = createHash('md5').update(JSON.stringify(spec)).digest();
  const security = spec.userPassword === undefined ? null : securityHandler(spec.userPassword, id);
  const objects: string[] = [];
  const streams = new Map<number, Buffer>();
  const add = (body: string) => objects.push(body);
  const n = spec.pages.length;
  // 1 catalog, 2 pages, 3 Helvetica, 4 Chinese font, 5 its CID font, 6 its descriptor, 7 image, 8 info,
  // 9 outline root, then per page: page object and content stream, then outline items.
  const pageObj = (i: number) => 10 + i * 2;
  const outlineObj = (i: number) => 10 + n * 2 + i;
  const outline = spec.outline ?? [];
  add(`<< /Type /Catalog /Pages 2 0 R${outline.length ? ' /Outlines 9 0 R' : ''} >>`);
  add(`<< /Type /Pages /Count ${n} /Kids [${spec.pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H /DescendantFonts [5 0 R] >>');
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>',
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
      '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const pixels = Buffer.alloc(64 * 64, 0x90);
  streams.set(7, pixels);
  add(
    `<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>`,
  );
  add(`<< /Title ${spec.title ? utf16Hex(`\ufeff${spec.title}`).replace('<', '<') : '()'} /Producer (Aside tests) >>`);
  add(
    outline.length
      ? `<< /Type /Outlines /First ${outlineObj(0)} 0 R /Last ${outlineObj(outline.length - 1)} 0 R /Count ${outline.length} >>`
      : '<< >>',
  );
  spec.pages.forEach((page, i) => {
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageObj(i) + 1} 0 R ` +
        '/Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << /Im1 7 0 R >> >> >>',
    );
    const content = Buffer.from(pageContent(page), 'latin1');
    streams.set(pageObj(i) + 1, content);
    add(`<< /Length ${content.length} >>`);
  });
  outline.forEach((entry, i) => {
    const links = [
      i > 0 ? `/Prev ${outlineObj(i - 1)} 0 R` : '',
      i < outline.length - 1 ? `/Next ${outlineObj(i + 1)} 0 R` : '',
    ].join(' ');
    add(
      `<< /Title ${latinString(entry.title)} /Parent 9 0 R ${links} /Dest [${pageObj(entry.page)} 0 R /XYZ 0 792 0] >>`,
    );
  });
  if (security) {
    add(
      `<< /Filter /Standard /V 1 /R 2 /O <${security.owner.toString('hex')}> /U <${security.user.toString('hex')}> ` +
        `/P ${security.permissions} >>`,
    );
  }
  const encryptObj = security ? objects.length : 0;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, index) => {
    const number = index + 1;
    let stream = streams.get(number);
    if (stream && security) {
      const objectKey = md5(security.key, Buffer.from([number & 255, (number >> 8) & 255, (number >> 16) & 255, 0, 0]));
      stream = rc4(objectKey.subarray(0, 10), stream);
    }
    const head = Buffer.from(`${number} 0 obj\n${body}\n`, 'latin1');
    const parts = stream
      ? [head, Buffer.from('stream\n'), stream, Buffer.from('\nendstream\nendobj\n')]
      : [head, Buffer.from('endobj\n')];
    offsets.push(length);
    for (const part of parts) {
      chunks.push(part);
      length += part.length;
    }
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info 8 0 R${security ? ` /Encrypt ${encryptObj} 0 R` : ''} ` +
      `/ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>`,
    'startxref',
    String(length),
    '%%EOF',
  ].join('\n');
  chunks.push(Buffer.from(`${xref}\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/** Lines of text flowed down a page from the top, one per entry, in a column starting at `x`. */
export function column(
  texts: readonly string[],
  options: { x?: number; top?: number; size?: number; font?: 'latin' | 'cjk' } = {},
) {
  const size = options.size ?? 11;
  return texts.map((text, i) => ({
    text,
    x: options.x ?? 72,
    y: (options.top ?? 720) - i * size * 1.4,
    size,
    ...(options.font ? { font: options.font } : {}),
  }));
}
