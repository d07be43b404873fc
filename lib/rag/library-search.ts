import { indexedModelItem } from '../settings/secure-settings';
import { embedTexts } from './embedder';
import { relevanceFloor } from './embedding-models';
import { openLexicalIndex, openVectorIndex } from './index-cache';
import { indexModel } from './index-model';
import { hybridSearch, type RetrievedChunk } from './retrieve';

/**
 * The chunks of saved pages that best answer a question: keyword and vector
 * search fused. When the embedder cannot run (model not downloaded, host
 * unreachable) the question is still answered from keyword search alone.
 */
export async function searchLibraryChunks(question: string, k: number): Promise<RetrievedChunk[]> {
  const modelId = await searchModel();
  // The indexes open while the question is embedded: in a fresh service worker, reading 100k vectors
  // takes about as long as the embedding. Both are cached promises that hybridSearch then reuses.
  openLexicalIndex().catch(() => undefined);
  if (modelId) openVectorIndex(modelId).catch(() => undefined);
  let queryVector: Float32Array | null = null;
  if (modelId) {
    try {
      queryVector = (await embedTexts([question], 'query', { modelId })).vectors[0] ?? null;
    } catch (error) {
      console.warn('[aside] library search falls back to keywords', error);
    }
  }
  return hybridSearch({
    query: question,
    queryVector,
    modelId: queryVector ? modelId : null,
    k,
    ...(modelId ? { minSimilarity: relevanceFloor(modelId) } : {}),
    // A little diversity: six excerpts from six places beat six near-copies of one paragraph.
    diversity: 0.2,
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
