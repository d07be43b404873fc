import type { Chunk } from './chunk';

/** One chunk to index, with its embedding (any length; normalized on write). */
export interface ChunkEntry {
  pageId: string;
  chunk: Chunk;
  vector: Float32Array;
}

/** A chunk found by hybrid search. `text === page.markdown.slice(start, end)`. */
export interface RetrievedChunk {
  chunkId: string;
  pageId: string;
  ordinal: number;
  text: string;
  headingPath: string[];
  start: number;
  end: number;
  /** The PDF page the chunk starts on; absent for web pages. */
  page?: number;
  /** Fused score (reciprocal rank fusion, higher is better); only comparable within one search. */
  score: number;
  /**
   * Cosine similarity with the query vector when vector search ranked this
   * chunk (in its top 50, at or above minSimilarity): an absolute measure,
   * for diagnostics or a stricter per-use threshold.
   */
  vectorScore?: number;
  /** BM25 score when keyword search ranked this chunk (0 = no query term in it; grows with rarer terms). */
  keywordScore?: number;
}

/** Restricts a search to pages of a site, with a tag, or saved within [from, to] (ms since epoch). */
export interface SearchFilter {
  siteName?: string;
  tag?: string;
  from?: number;
  to?: number;
}

export interface HybridSearchOptions {
  query: string;
  /** The embedded query (with the model's query prefix); null = keyword-only. */
  queryVector: Float32Array | null;
  modelId: string | null;
  /** Chunks to return (default 8). */
  k?: number;
  filter?: SearchFilter;
  /** 0..1: trade relevance for diversity with MMR over the fused list (default 0 = off). */
  diversity?: number;
  /** Vector hits below this cosine are dropped as irrelevant (see search-indexes.ts). */
  minSimilarity?: number;
  /** RAG-Fusion: rewrites of the query with their vectors (null: keyword-only), fused with it. */
  rewrites?: readonly { query: string; queryVector: Float32Array | null }[];
}

/** Stable id of a chunk: the page and its ordinal (chunks are shared by all models). */
export function chunkId(pageId: string, ordinal: number): string {
  return `${pageId}#${ordinal}`;
}
