import { queryTerms } from '../library/search-terms';
import type { Bm25Index } from './bm25';
import { type Fused, maximalMarginalRelevance, reciprocalRankFusion } from './fusion';
import type { MemoryVectorIndex } from './memory-index';
import { isStopWord } from './stop-words';

export interface IndexSearch {
  query: string;
  queryVector: Float32Array | null;
  vectors: MemoryVectorIndex | null;
  lexical: Bm25Index;
  k: number;
  /** Only these pages (undefined = all). */
  pages?: ReadonlySet<string>;
  /** 0..1, MMR diversity (0 = off). */
  diversity?: number;
  /**
   * Vector hits less similar than this (cosine) are not relevant. Keyword hits
   * count only for terms that carry a topic (not stop words). So a question
   * the library does not cover finds nothing, rather than the least bad chunks.
   */
  minSimilarity?: number;
}

/** Hits taken from each list before fusion: deep enough that a chunk ranked well by one method survives. */
export const fusionDepth = (k: number) => Math.max(50, 5 * k);

/**
 * Hybrid retrieval over the loaded indexes (no IndexedDB access, so the
 * benchmark times exactly this): vector top-n and BM25 top-n fused by
 * reciprocal rank, optionally re-picked by MMR. Returns chunk ids, best first.
 */
export function searchIndexes(search: IndexSearch): Fused[] {
  const depth = fusionDepth(search.k);
  const terms = queryTerms(search.query).filter((term) => !isStopWord(term));
  const keyword = search.lexical.search(terms, depth, search.pages);
  const lists = [keyword.map((h) => h.chunkId)];
  if (search.queryVector && search.vectors && search.vectors.size > 0) {
    const floor = search.minSimilarity ?? Number.NEGATIVE_INFINITY;
    const semantic = search.vectors.search(search.queryVector, depth, { pages: search.pages });
    lists.unshift(semantic.filter((h) => h.score >= floor).map((h) => h.chunkId));
  }
  const fused = reciprocalRankFusion(lists);
  const diversity = search.diversity ?? 0;
  if (diversity <= 0 || !search.vectors) return fused.slice(0, search.k);
  const vectors = search.vectors;
  return maximalMarginalRelevance(fused.slice(0, depth), (id) => vectors.vectorOf(id), search.k, 1 - diversity);
}
