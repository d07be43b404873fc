import { rerankIsOn } from '../settings/embedding-settings';
import { embeddingSettingsItem, indexedModelItem } from '../settings/secure-settings';
import { embedTexts } from './embedder';
import { relevanceFloor } from './embedding-models';
import { modelName } from './embedding-server';
import { openLexicalIndex, openVectorIndex } from './index-cache';
import { indexModel } from './index-model';
import { type RerankCost, rerankDepth, rerankHits } from './rerank-hits';
import { hybridSearch, type RetrievedChunk } from './retrieve';

/** A library search's excerpts, and what reranking them cost when it is on. */
export interface LibrarySearch {
  readonly hits: RetrievedChunk[];
  readonly rerank?: RerankCost;
}

/**
 * The `k` excerpts a library question is answered from: hybrid search, then,
 * when reranking is on (options page), its top 30 reordered by the in-browser
 * cross-encoder or the `/rerank` endpoint. The relevance gate is a filter, so reranking before or after it
 * drops the same candidates; the cut to `k` comes after the reranker.
 */
export async function searchLibrary(
  question: string,
  k: number,
  rewrites: readonly string[] = [],
): Promise<LibrarySearch> {
  const { rerank } = await embeddingSettingsItem.getValue();
  if (!rerankIsOn(rerank)) return { hits: await searchLibraryChunks(question, k, rewrites) };
  const candidates = await searchLibraryChunks(question, Math.max(k, rerankDepth), rewrites);
  if (candidates.length < 2) return { hits: candidates.slice(0, k) };
  return rerankHits(rerank, question, candidates, k);
}

/**
 * The chunks of saved pages that best answer a question: keyword and vector
 * search fused, and with RAG-Fusion the model's rewrites of the question too
 * (embedded in the same batch). When the embedder cannot run (model not
 * downloaded, host unreachable) the question is still answered from keyword
 * search alone.
 */
export async function searchLibraryChunks(
  question: string,
  k: number,
  rewrites: readonly string[] = [],
): Promise<RetrievedChunk[]> {
  const modelId = await searchModel();
  // The indexes open while the question is embedded: in a fresh service worker, reading 100k vectors
  // takes about as long as the embedding. Both are cached promises that hybridSearch then reuses.
  openLexicalIndex().catch(() => undefined);
  if (modelId) openVectorIndex(modelId).catch(() => undefined);
  let vectors: (Float32Array | null)[] = [];
  if (modelId) {
    try {
      vectors = (await embedTexts([question, ...rewrites], 'query', { modelId })).vectors;
    } catch (error) {
      console.warn('[aside] library search falls back to keywords', error);
    }
  }
  const queryVector = vectors[0] ?? null;
  return hybridSearch({
    query: question,
    queryVector,
    modelId: queryVector ? modelId : null,
    k,
    ...(modelId ? { minSimilarity: relevanceFloor(modelName(modelId)) } : {}),
    // A little diversity: six excerpts from six places beat six near-copies of one paragraph.
    diversity: 0.2,
    ...(rewrites.length > 0
      ? { rewrites: rewrites.map((query, i) => ({ query, queryVector: vectors[i + 1] ?? null })) }
      : {}),
  });
}

/**
 * The model to search with: while the library is being re-embedded with a new
 * model, the previous one, whose vectors still cover every page; the new one
 * once its vectors are complete (the ingest queue then retires the old).
 */
export async function searchModel(): Promise<string | null> {
  const current = await indexModel();
  if (current === null) return null;
  const complete = await indexedModelItem.getValue();
  return complete ?? current;
}
