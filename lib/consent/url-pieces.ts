/**
 * A URL cut into the places text can ride in: path segments, query keys and
 * values, the fragment, and the
 * subdomain labels. The origin's host is not data of its own (it is where
 * the request goes), and the part of the address that a page's own links
 * already show is not either (`addressLength`).
 */

/** A part of a URL, as it appears in `href`. */
export interface UrlPiece {
  readonly start: number;
  readonly end: number;
  /** In a query (or a query-like fragment), where `+` means a space. */
  readonly query: boolean;
  /** Only decodings count (host labels are lower-cased: plain text there is a name, not data). */
  readonly decodedOnly?: boolean;
}

/** Links a text shows: absolute http(s) URLs, as the URL parser writes them. */
export function linksIn(text: string): string[] {
  const links: string[] = [];
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'`()[\]{}|\\^]+/gi)) {
    // Trailing punctuation may end the sentence or belong to the URL: both forms.
    for (const form of new Set([match[0], match[0].replace(/[.,;:!?*_~]+$/, '')])) {
      try {
        links.push(new URL(form).href);
      } catch {
        // Not a URL after all.
      }
    }
  }
  return links;
}

const boundaries = new Set(['/', '?', '&', '#', '=', ';']);

/**
 * How much of `href` is address rather than data: the origin, plus the
 * longest prefix it shares with a link of the same origin that a source shows
 * (a page's link to /articles/how-to-x explains that path, even when a query
 * is added), cut back to a separator so a value is always checked whole.
 */
export function addressLength(url: URL, links: readonly string[]): number {
  const href = url.href;
  let best = url.origin.length;
  for (const link of links) {
    if (!link.startsWith(url.origin)) continue;
    let shared = 0;
    while (shared < link.length && shared < href.length && link[shared] === href[shared]) shared++;
    if (shared === href.length) return href.length;
    // The whole link, followed by more (`?page=2`): the link is address. Otherwise cut back to a separator.
    const wholeLink = shared === link.length && boundaries.has(href[shared] ?? '/');
    while (!wholeLink && shared > best && !boundaries.has(href[shared - 1] ?? '/')) shared--;
    best = Math.max(best, shared);
  }
  return best;
}

/** Splits `text`, found at `offset` of the href, at `separator`. */
function split(text: string, offset: number, separator: RegExp, query: boolean): UrlPiece[] {
  const pieces: UrlPiece[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    if (match.index > start) pieces.push({ start: offset + start, end: offset + match.index, query });
    start = match.index + match[0].length;
  }
  if (text.length > start) pieces.push({ start: offset + start, end: offset + text.length, query });
  return pieces;
}

/** The pieces of `url` that start at or after `from` (an offset in `url.href`). */
export function urlPieces(url: URL, from: number): UrlPiece[] {
  const href = url.href;
  const pathStart = url.origin.length;
  const queryStart = pathStart + url.pathname.length;
  const hashStart = queryStart + url.search.length;
  const pieces = [
    ...split(url.pathname, pathStart, /\/+/g, false),
    ...split(url.search.slice(1), queryStart + 1, /[&;]/g, true).flatMap((pair) => {
      // Key and value; the value keeps any further `=` (base64's padding).
      const equals = href.indexOf('=', pair.start);
      return equals < 0 || equals >= pair.end
        ? [pair]
        : [
            { ...pair, end: equals },
            { ...pair, start: equals + 1 },
          ];
    }),
    // The fragment whole: its own runs (`#d=…&x=1`, `#/route/…`) are found inside it by the decoder.
    ...(url.hash.length > 1 ? [{ start: hashStart + 1, end: href.length, query: true }] : []),
  ].filter((piece) => piece.start >= from && piece.end > piece.start);
  const labels = url.hostname.split('.');
  // A data-bearing subdomain (hex of the text, say) is a new origin, which no grant covers;
  // it is checked all the same, so the user is told, and so model-written links show it.
  if (labels.length > 2 && from <= pathStart) {
    const sub = labels.slice(0, -2).join('.');
    const at = href.indexOf(sub, url.protocol.length);
    if (at >= 0) pieces.push({ start: at, end: at + sub.length, query: false, decodedOnly: true });
  }
  return pieces;
}
