import { forEachTerm } from '../library/search-terms';

/**
 * Term frequencies of a chunk for BM25, with the same terms as the library
 * search (lib/library/search-terms.ts): Intl.Segmenter words, Latin words
 * normalized, CJK runs as characters and overlapping character pairs (so a
 * Chinese query matches however the segmenter cut the text), counted.
 */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  forEachTerm(text, true, (term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  return counts;
}
