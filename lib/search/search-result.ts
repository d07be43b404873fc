import { z } from 'zod';
import { siteOf } from '../consent/url-rules';

/** One hit of a web search: what the engine (or its results page) says about a page. */
export const searchResultSchema = z.object({
  title: z.string().max(1000),
  url: z.string().max(8192),
  /** The engine's excerpt of the page; may be empty. */
  snippet: z.string().max(20_000),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** Whitespace collapsed, and tags an engine leaves in its snippets (`<strong>`, `<em>`) removed. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A result as Aside keeps it: an http(s) URL (anything else is dropped: a
 * result can only ever be fetched over the web), its title and snippet as
 * plain text.
 */
export function toSearchResult(title: unknown, url: unknown, snippet: unknown): SearchResult | null {
  if (typeof url !== 'string' || siteOf(url) === null) return null;
  const href = new URL(url).href;
  return { title: cleanText(title) || href, url: href, snippet: cleanText(snippet) };
}

/** Results of several queries as one list: each URL once (its first place), in order. */
export function mergeResults(lists: readonly (readonly SearchResult[])[]): SearchResult[] {
  const seen = new Set<string>();
  const merged: SearchResult[] = [];
  // Interleaved, so every query's best hits come before any query's tail.
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let rank = 0; rank < longest; rank++) {
    for (const list of lists) {
      const result = list[rank];
      if (!result) continue;
      const key = result.url.replace(/#.*$/, '');
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(result);
    }
  }
  return merged;
}
