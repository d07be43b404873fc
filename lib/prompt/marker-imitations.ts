/**
 * Finds text that imitates Aside's untrusted-content markers, as a model would
 * read it: in any case, with fullwidth or other compatibility forms, with
 * Cyrillic or Greek letters that look Latin, with invisible characters or
 * Markdown escapes in between. The markers' nonce is what makes them
 * unforgeable; removing imitations keeps a page from even resembling one.
 */

/** Letters (lower case) that read as a Latin letter, mapped to it. */
const lookAlikes = new Map<string, string>([
  ...[...'аеорсухіѕјԁһтнкмвℓ'].map((char, i) => [char, 'aeopcyxisjdhthkmbl'[i] ?? char] as const),
  ...[...'αεορτυνικηχβ'].map((char, i) => [char, 'aeoptuviknxb'[i] ?? char] as const),
  ...[...'ᴀʙᴄᴅᴇғɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ'].map((char, i) => [char, 'abcdefghijklmnopqrstuvwyz'[i] ?? char] as const),
]);

/** Invisible characters: format controls (zero-width spaces, joiners, soft hyphens) and combining marks. */
const invisible = /^[\p{Cf}\p{Mn}\p{Me}]$/u;

/** A character as it reads: folded, lower case, look-alikes as Latin; '' when it does not show. */
function foldChar(char: string): string {
  let folded = '';
  for (const part of char.normalize('NFKC').toLowerCase()) {
    if (invisible.test(part)) continue;
    folded += lookAlikes.get(part) ?? part;
  }
  return folded;
}

/**
 * The text as it reads, with, for each of its characters, where it starts in
 * the original. ASCII text (most pages) reads as its lower case, one to one.
 */
function skeleton(text: string): { readonly read: string; readonly startOf: (index: number) => number } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included
  if (!/[^\u0000-\u007f]/.test(text)) return { read: text.toLowerCase(), startOf: (index) => index };
  const parts: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const char of text) {
    for (const part of foldChar(char)) {
      parts.push(part);
      starts.push(offset);
    }
    offset += char.length;
  }
  starts.push(text.length);
  return { read: parts.join(''), startOf: (index) => starts[index] ?? text.length };
}

/**
 * A marker or an imitation of one, in read text: "untrusted" and "content"
 * joined by nothing, an underscore, a hyphen, a dot or a Markdown escape, with
 * an optional code after it and the brackets around it; or the same two words
 * apart, when brackets make them a marker. Plain prose ("untrusted content")
 * is not matched.
 */
const imitation = /(<{2,}\s*)?untrusted(?:[_\-.\\]*|(\s+))content(?:[_\-.\\]*[0-9a-z]{1,64})?(\s*>{2,})?/g;

/** What an imitation is replaced with: plain words, not a marker. */
export const removedMarker = '[marker removed]';

/**
 * Replaces every imitation of a marker in `text`, and any copy of `nonce`
 * itself (whatever its case or form), with `[marker removed]`.
 */
export function removeMarkerImitations(text: string, nonce: string): string {
  const { read, startOf } = skeleton(text);
  const spans: [number, number][] = [];
  for (const match of read.matchAll(imitation)) {
    const spaced = match[2] !== undefined;
    if (spaced && match[1] === undefined && match[3] === undefined) continue;
    spans.push([match.index, match.index + match[0].length]);
  }
  for (let at = read.indexOf(nonce); at >= 0; at = read.indexOf(nonce, at + nonce.length)) {
    spans.push([at, at + nonce.length]);
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let result = '';
  let kept = 0;
  for (const [from, to] of spans) {
    const start = startOf(from);
    if (start < kept) {
      // Overlaps a span already removed: remove up to the farther end.
      kept = Math.max(kept, startOf(to));
      continue;
    }
    result += text.slice(kept, start) + removedMarker;
    kept = startOf(to);
  }
  return result + text.slice(kept);
}
