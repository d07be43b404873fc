import { contentTerms } from '../library/search-terms';
import type { Bm25Index } from './bm25';
import { fuseQueryLists } from './fuse-query-lists';
import { type Fused, maximalMarginalRelevance, reciprocalRankFusion } from './fusion';
import { type KeywordGate, keywordGate, passesKeywordGate } from './keyword-gate';
import type { MemoryVectorIndex } from './memory-index';

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
  /** The relevance gate of keyword hits when no vector search runs (default keyword-gate.ts; tuning passes others). */
  gate?: KeywordGate;
  /** RAG-Fusion: the model's rewrites of the query, each searched like it and fused (fuse-query-lists.ts). */
  rewrites?: readonly QueryVariant[];
}

/** One wording of a question, with its embedding (null: keyword search only). */
export interface QueryVariant {
  query: string;
  queryVector: Float32Array | null;
}

/** A fused hit with the scores behind it, for a caller deciding whether anything relevant was found. */
export interface HybridHit extends Fused {
  /** Cosine similarity with the query vector, when vector search ranked this chunk. */
  vectorScore?: number;
  /** BM25F score, when keyword search ranked this chunk. */
  keywordScore?: number;
}

/** Hits taken from each list before fusion: deep enough that a chunk ranked well by one method survives. */
export const fusionDepth = (k: number) => Math.max(50, 5 * k);

/**
 * Hybrid retrieval over the loaded indexes (no IndexedDB access, so the
 * benchmark times exactly this): vector top-n and BM25F top-n over the
 * question's topic words (no stop words) fused by reciprocal rank, optionally
 * re-picked by MMR. Returns chunk ids, best first. Without vector search,
 * keyword hits must pass the calibrated gate (keyword-gate.ts): a question
 * the library does not cover finds nothing rather than the least bad chunks.
 * With RAG-Fusion, each rewrite is ranked the same way and the lists are
 * fused by reciprocal rank before MMR and k (fuse-query-lists.ts).
 */
export function searchIndexes(search: IndexSearch): HybridHit[] {
  const depth = fusionDepth(search.k);
  const ranked = rankQuery(search, search.query, search.queryVector, depth);
  const fused = search.rewrites?.length
    ? fuseQueryLists(
        ranked,
        search.rewrites.map((rewrite) => rankQuery(search, rewrite.query, rewrite.queryVector, depth)),
      )
    : ranked;
  const diversity = search.diversity ?? 0;
  const vectors = search.vectors;
  return diversity > 0 && vectors
    ? maximalMarginalRelevance(fused.slice(0, depth), (id) => vectors.vectorOf(id), search.k, 1 - diversity)
    : fused.slice(0, search.k);
}

/** One wording's hybrid list, gated (keyword gate or similarity floor), best first, with the scores behind it. */
function rankQuery(search: IndexSearch, query: string, queryVector: Float32Array | null, depth: number): HybridHit[] {
  const semanticRuns = Boolean(queryVector && search.vectors && search.vectors.size > 0);
  const found = search.lexical.search(contentTerms(query), depth, search.pages);
  const gate = search.gate ?? keywordGate;
  const keyword = semanticRuns ? found : found.filter((hit) => passesKeywordGate(hit, gate));
  const lists = [keyword.map((h) => h.chunkId)];
  const vectorScores = new Map<string, number>();
  if (semanticRuns && queryVector && search.vectors) {
    const floor = search.minSimilarity ?? Number.NEGATIVE_INFINITY;
    const semantic = search.vectors.search(queryVector, depth, { pages: search.pages });
    const relevant = semantic.filter((h) => h.score >= floor);
    lists.unshift(relevant.map((h) => h.chunkId));
    for (const hit of relevant) vectorScores.set(hit.chunkId, hit.score);
  }
  const keywordScores = new Map(keyword.map((h) => [h.chunkId, h.score]));
  return reciprocalRankFusion(lists).map((hit) => {
    const vectorScore = vectorScores.get(hit.id);
    const keywordScore = keywordScores.get(hit.id);
    return {
      ...hit,
      ...(vectorScore === undefined ? {} : { vectorScore }),
      ...(keywordScore === undefined ? {} : { keywordScore }),
    };
  });
}
