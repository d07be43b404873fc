import { AsideError } from '../messaging/errors';

/**
 * A text file's characters. A byte-order mark names UTF-8 or UTF-16; without
 * one the bytes are read as UTF-8, and when they are not valid UTF-8, as
 * GB18030 (the Chinese national encoding, a superset of GBK and GB2312, in
 * which many Chinese Windows programs still save text). A file with NUL bytes
 * is binary, not text: it is refused as broken rather than shown as noise.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new AsideError('file-broken', `${name} is not a text file.`, { params: { name } });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
