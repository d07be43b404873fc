import { z } from 'zod';
import { pageOfMarker } from '../capture/page-markers';
import { textTerms } from '../library/search-terms';
import { parseTimestamp, timestampUrl } from '../video/timestamps';
import { videoSiteOf } from '../video/video-site';

/** A numbered source of a library answer, stored with the answer. */
export const sourceSchema = z.object({
  /** The number the answer cites it by: [1], [2]… */
  n: z.number().int().positive(),
  pageId: z.string(),
  url: z.string(),
  title: z.string(),
  headingPath: z.array(z.string()),
  /** The paragraph the citation points at, as plain text. */
  passage: z.string(),
  /** A PDF's page the passage is on: the citation opens `url#page=N`. */
  page: z.number().int().positive().optional(),
  /** A saved file headed by its own title (lib/rag/excerpt-heading.ts): its name, shown beside that title. */
  file: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** Markdown syntax that does not show on the rendered page, removed so the text matches what the browser finds. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}.*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|\W)[*_](\S[^*_]*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * The paragraph of a chunk to point a citation at: the one sharing the most
 * words with the question (the first, when none does).
 */
export function citedPassage(chunkMarkdown: string, question: string): string {
  const paragraphs = chunkMarkdown
    .split(/\n\s*\n/)
    .filter((paragraph) => pageOfMarker(paragraph) === undefined)
    .map(markdownToPlainText)
    .filter((paragraph) => paragraph.length > 0);
  const wanted = new Set(textTerms(question));
  let best = paragraphs[0] ?? '';
  let bestScore = 0;
  for (const paragraph of paragraphs) {
    const score = textTerms(paragraph).filter((term) => wanted.has(term)).length;
    if (score > bestScore) {
      best = paragraph;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The PDF page a cited paragraph is on: the chunk's first page, moved on by
 * each `[Page N]` marker before the paragraph (a chunk may cross a page).
 */
export function passagePage(chunkMarkdown: string, passage: string, firstPage: number): number {
  let page = firstPage;
  for (const paragraph of chunkMarkdown.split(/\n\s*\n/)) {
    const marker = pageOfMarker(paragraph);
    if (marker !== undefined) page = marker;
    else if (markdownToPlainText(paragraph) === passage) return page;
  }
  return firstPage;
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** `-`, `,` and `&` are syntax inside a text directive and must be escaped beyond encodeURIComponent. */
const encodeDirective = (text: string) =>
  encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/**
 * The source's URL with a text fragment (`#:~:text=start,end`) that scrolls to
 * and highlights the passage. Uses the passage's first line only (a fragment
 * cannot cross a block boundary reliably), cut to its first and last few
 * words so small differences in the middle of the live page do not break it.
 */
export function textFragmentUrl(url: string, passage: string): string {
  // A text fragment cannot reach into a PDF; callers with a page use sourceUrl.
  const line =
    passage
      .split('\n')
      .find((part) => part.trim().length > 0)
      ?.trim() ?? '';
  const base = url.replace(/#.*$/, '');
  if (!line) return base;
  const asCjk = cjk.test(line) && !/\s/.test(line.slice(0, 24));
  const units = asCjk ? [...line] : line.split(/\s+/);
  const joiner = asCjk ? '' : ' ';
  const edge = asCjk ? 10 : 5;
  const directive =
    units.length <= edge * 2 + 2
      ? encodeDirective(units.join(joiner))
      : `${encodeDirective(units.slice(0, edge).join(joiner))},${encodeDirective(units.slice(-edge).join(joiner))}`;
  return `${base}#:~:text=${directive}`;
}

/**
 * Where a citation leads: a PDF's page (`url#page=N`, followed by the
 * browser's PDF viewer), a saved video transcript's moment (its passage's
 * `[mm:ss]` as `&t=…s` / `?t=…`), or the web page scrolled to the passage.
 */
export function sourceUrl(source: Pick<Source, 'url' | 'passage' | 'page'>): string {
  if (source.page !== undefined) return `${source.url.replace(/#.*$/, '')}#page=${source.page}`;
  const site = videoSiteOf(source.url);
  const time = /^\[((?:\d{1,2}:)?\d{1,2}:\d{2})\]/.exec(source.passage.trim())?.[1];
  const seconds = time === undefined ? undefined : parseTimestamp(time);
  if (site && seconds !== undefined) return timestampUrl(source.url, site, seconds);
  return textFragmentUrl(source.url, source.passage);
}
