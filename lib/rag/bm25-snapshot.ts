import type { FieldTerms } from './lexical-doc';
import type { PackedPostings } from './packed-postings';

/**
 * Bumped when the snapshot's layout or the index's terms change (a new
 * stemmer, new fields): an older snapshot is then ignored and the index is
 * built from the keyword rows, as before snapshots.
 */
export const bm25SnapshotFormat = 1;

/**
 * The keyword index (bm25.ts) as it is in memory, in a few flat buffers and
 * strings, so that a fresh service worker opens it with one read instead of
 * rebuilding it from every page's keyword row (12 s at 100k chunks). Only live
 * chunks are kept: rows, pages and terms are renumbered densely.
 */
export interface Bm25Snapshot {
  format: number;
  /** The terms, joined by NUL (see joinNames); term t's lists are entry t of `body` and `heading`. */
  terms: string;
  body: PackedPostings;
  heading: PackedPostings;
  /** Chunk ids by row, joined by NUL. */
  chunkIds: string;
  /** Int32Array: the page of each row. */
  pageOf: ArrayBuffer;
  /** Uint32Array: each row's body and heading lengths (Σ term counts). */
  bodyLength: ArrayBuffer;
  headingLength: ArrayBuffer;
  /** Page ids by page number, joined by NUL. */
  pageIds: string;
  /** Each page's title terms, null when it has none; one entry per page. */
  titles: (FieldTerms | null)[];
}

/** Names (terms, ids) as one string: one large string stores and loads far faster than a million small ones. */
export function joinNames(names: readonly string[]): string {
  return names.join('\0');
}

/** joinNames reversed; throws when the count differs (a name held a NUL), so the caller rebuilds instead. */
export function splitNames(joined: string, count: number): string[] {
  const names = count === 0 ? [] : joined.split('\0');
  if (names.length !== count) throw new Error(`keyword index snapshot: ${names.length} names, expected ${count}`);
  return names;
}
