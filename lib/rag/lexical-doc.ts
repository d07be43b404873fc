import { forEachTerm } from '../library/search-terms';

/** The terms of one field of a document (a chunk's text or headings, a page's title), counted. */
export interface FieldTerms {
  /** Σ counts. */
  length: number;
  terms: string[];
  counts: number[];
}

/**
 * One chunk's terms as persisted (RagLexicalRecord.docs) and loaded into the
 * index: its text as the body field (the top-level terms), and its headings
 * (below the page title) as a field of their own.
 */
export interface LexicalDoc extends FieldTerms {
  chunkId: string;
  heading?: FieldTerms;
}

/**
 * Term frequencies of a text, with the same terms as the library search
 * (lib/library/search-terms.ts): stemmed English words, CJK characters and
 * their pairs.
 */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  forEachTerm(text, (term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  return counts;
}

/** A text's terms, counted, ready to persist and index. */
export function fieldTerms(text: string): FieldTerms {
  const counts = termCounts(text);
  let length = 0;
  for (const count of counts.values()) length += count;
  return { length, terms: [...counts.keys()], counts: [...counts.values()] };
}

/** A chunk's terms: its text, and its headings (those below the page title, see headings-below-title.ts) when it has any. */
export function lexicalDoc(chunkId: string, text: string, headings: readonly string[] = []): LexicalDoc {
  const heading = headings.length > 0 ? fieldTerms(headings.join('\n')) : null;
  return { chunkId, ...fieldTerms(text), ...(heading && heading.length > 0 ? { heading } : {}) };
}

/** A page title's terms (the title field of every chunk of the page). */
export function titleTerms(title: string): FieldTerms {
  return fieldTerms(title);
}
