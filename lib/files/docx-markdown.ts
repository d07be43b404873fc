import { elementToMarkdown } from '../capture/markdown';
import { AsideError } from '../messaging/errors';

/** The first bytes of an OLE compound file: an old binary .doc, or a Word file protected by a password. */
const compoundFile = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * A Word (.docx) file as Markdown: mammoth turns the document's structure
 * (headings, lists, tables, bold, links) into HTML, and the page capture's
 * turndown setup turns that into Markdown. Images are dropped (mammoth would
 * inline them as data URIs, megabytes of noise in a prompt); their alt text
 * stays. mammoth is loaded on first use, so the panel does not carry it
 * until a Word file arrives. Needs a DOM (DOMParser): an extension page.
 */
export async function docxToMarkdown(bytes: Uint8Array, name: string): Promise<string> {
  if (compoundFile.every((byte, i) => bytes[i] === byte)) {
    throw new AsideError('file-docx-protected', `${name} is password-protected or an old .doc file.`, {
      params: { name },
    });
  }
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // mammoth's browser build reads `arrayBuffer`, its Node build (unit tests) `buffer`: both get the bytes.
    const input = { arrayBuffer, buffer: bytes } as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(
      input,
      // No image data (mammoth keeps their alt text), and no files the document links to outside itself.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (error) {
    throw new AsideError('file-broken', `${name} is not a readable Word file.`, {
      params: { name },
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const document = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return elementToMarkdown(document.body, 'about:blank');
}
