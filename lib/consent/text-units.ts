/**
 * Text reduced to the form the data-flow check compares: NFKC (full-width
 * letters and digits become ASCII), lower case, runs of whitespace as one
 * space, zero-width characters and Markdown's backslash escapes dropped. Case
 * and spacing are what an attacker changes for free, and what a page's
 * Markdown capture changes by itself; punctuation is kept, so that a URL slug
 * ("united-states-of-america") never matches prose ("United States of America").
 *
 * Characters of the CJK scripts (Han, kana, Hangul) are written twice: a run
 * is measured in these units, so one such character weighs as much as two
 * Latin letters (see `minRunUnits`).
 */

/** A run of shared text counts from this many units: 20 Latin characters, or 10 Chinese or Japanese ones. */
export const minRunUnits = 20;

/**
 * Why units, and not characters or bytes: 20 characters of English are three
 * or four words, while 20 Chinese characters are a whole sentence (a Chinese
 * character carries about what two English letters do), so counting
 * characters would let a hijacked model send Chinese text in pieces twice as
 * large as English before anyone is told. Counting UTF-8 bytes goes too far
 * the other way: a Chinese character is 3 bytes, so 7 characters (a place
 * name, a common phrase in a search link) would already count, and byte counts
 * depend on the encoding (2 bytes in GBK), not on what the text says.
 */
function isWide(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3130 && code <= 0x318f)
  );
  // Characters outside the BMP (CJK extensions B and later, emoji) are two UTF-16 units already.
}

const isInvisible = (code: number) =>
  code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0xad;
const isSpace = (code: number) =>
  code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0 || code === 0x3000;
const isAsciiPunctuation = (code: number) =>
  (code >= 0x21 && code <= 0x2f) ||
  (code >= 0x3a && code <= 0x40) ||
  (code >= 0x5b && code <= 0x60) ||
  (code >= 0x7b && code <= 0x7e);

/** Text in comparison units, with where each character starts (for counting characters, not units). */
export interface Units {
  readonly text: string;
  /** 1 at the first unit of every character. */
  readonly starts: Uint8Array;
}

const utf16 = new TextDecoder('utf-16le');

/** Normalizes text into comparison units (typed arrays: sources can be hundreds of kilobytes). */
export function toUnits(raw: string): Units {
  const text = raw.normalize('NFKC').toLowerCase();
  const codes = new Uint16Array(text.length * 2);
  const starts = new Uint8Array(text.length * 2);
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isInvisible(code)) continue;
    if (isSpace(code)) {
      space = length > 0;
      continue;
    }
    // Markdown's escapes (`\_`, `\*`, `1\.`) are the capture's, not the page's.
    if (code === 0x5c && isAsciiPunctuation(text.charCodeAt(i + 1))) continue;
    if (space) {
      starts[length] = 1;
      codes[length++] = 0x20;
      space = false;
    }
    starts[length] = code >= 0xdc00 && code <= 0xdfff ? 0 : 1;
    codes[length++] = code;
    if (isWide(code)) codes[length++] = code;
  }
  return { text: utf16.decode(codes.subarray(0, length)), starts: starts.subarray(0, length) };
}

const cache = new Map<string, string>();
let cachedChars = 0;
const maxCachedChars = 16_000_000;

/**
 * A source's units, kept between checks: a run asks about each call against
 * the same pages, which may be hundreds of kilobytes each.
 */
export function sourceUnits(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const { text } = toUnits(raw);
  cache.set(raw, text);
  cachedChars += raw.length;
  for (const [key] of cache) {
    if (cachedChars <= maxCachedChars) break;
    cache.delete(key);
    cachedChars -= key.length;
  }
  return text;
}
