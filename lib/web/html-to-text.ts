import { decodeEntities } from './html-entities';

/** Elements whose content is never visible text: dropped with it when closed. */
const hiddenElements = /^(script|style|noscript|template|svg|head)\b/i;
/** Closing tags that end a block: a line break in the text. */
const blockEnd = /^(\/(p|div|li|h[1-6]|tr|section|article|blockquote|pre|table)\s*|br\s*\/?)$/i;

/**
 * Plain text from HTML without a DOM: the service worker has no DOMParser, and
 * fetched pages are never rendered. Scripts, styles, comments and tags go;
 * block ends become line breaks; entities are decoded.
 *
 * One pass, each character read a bounded number of times, so a hostile page
 * costs time in proportion to its size (a regex per element rescanned the
 * rest of the page for every unclosed `<script`, `<!--` or `<a`: seconds for
 * 100 KB). Read the way a browser reads it: a `<` that opens no tag is text;
 * an unclosed comment runs to the end; a hidden element never closed loses
 * only its opening tag (pages may leave out `</head>`).
 */
export function htmlToText(html: string): { title: string; text: string } {
  const lines = decodeEntities(stripMarkup(html))
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0);
  return { title: decodeEntities(titleOf(html).trim()), text: lines.join('\n') };
}

function stripMarkup(html: string): string {
  const parts: string[] = [];
  // Hidden elements found to have no closing tag: a later opening of the same one has none either.
  const unclosed = new Set<string>();
  let at = 0;
  for (;;) {
    const open = nextMarkup(html, at);
    if (open < 0) break;
    parts.push(html.slice(at, open));
    if (html.startsWith('<!--', open)) {
      // From the `--` of `<!--`: `<!-->` and `<!--->` are whole (empty) comments to a browser.
      const end = html.indexOf('-->', open + 2);
      if (end < 0) return parts.join('');
      at = end + 3;
      continue;
    }
    const close = tagEnd(html, open + 1);
    // A tag cut by the end of the page: a browser drops it.
    if (close < 0) return parts.join('');
    const tag = html.slice(open + 1, close);
    at = close + 1;
    const hidden = hiddenElements.exec(tag)?.[1]?.toLowerCase();
    if (hidden && !unclosed.has(hidden)) {
      const end = closingTag(hidden, html, at);
      if (end >= 0) {
        at = end;
        continue;
      }
      unclosed.add(hidden);
    }
    parts.push(blockEnd.test(tag) ? '\n' : ' ');
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** Where the next tag, comment or declaration starts: `<` then a letter, `/`, `!` or `?`; -1 for none. */
function nextMarkup(html: string, from: number): number {
  const markup = /<[a-z/!?]/gi;
  markup.lastIndex = from;
  return markup.exec(html)?.index ?? -1;
}

/**
 * Where the tag whose name starts at `from` ends (its `>`), skipping quoted
 * attribute values (`src="data:…<svg>…"`); -1 when the page ends first.
 */
function tagEnd(html: string, from: number): number {
  for (let at = from; at < html.length; at++) {
    const char = html[at];
    if (char === '>') return at;
    if (char !== '=') continue;
    let value = at + 1;
    while (value < html.length && /\s/.test(html[value] as string)) value++;
    const quote = html[value];
    if (quote !== '"' && quote !== "'") continue;
    at = html.indexOf(quote, value + 1);
    if (at < 0) return -1;
  }
  return -1;
}

/** The index just past `</name>` at or after `from`, or -1. */
function closingTag(name: string, html: string, from: number): number {
  const closing = new RegExp(`</${name}\\s*>`, 'gi');
  closing.lastIndex = from;
  return closing.exec(html) ? closing.lastIndex : -1;
}

/** The first `<title>`'s raw text, or '' when it is never closed. */
function titleOf(html: string): string {
  const opening = /<title/gi;
  if (!opening.exec(html)) return '';
  const start = tagEnd(html, opening.lastIndex);
  if (start < 0) return '';
  const closing = /<\/title>/gi;
  closing.lastIndex = start + 1;
  const end = closing.exec(html)?.index;
  return end === undefined ? '' : html.slice(start + 1, end);
}
