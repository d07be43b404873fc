import { contentTerms } from '../library/search-terms';
import { Bm25Index, lexicalDoc } from '../rag/bm25';
import { chunkMarkdown } from '../rag/chunk';
import { embedTexts } from '../rag/embedder';
import { cosine, reciprocalRankFusion } from '../rag/fusion';
import { fusionDepth } from '../rag/search-indexes';

/** A passage of a read result page. */
export interface WebChunk {
  /** Index of its page in the list given. */
  readonly page: number;
  readonly text: string;
  readonly headingPath: readonly string[];
}

/** Passages per page considered at most: a long page's tail rarely answers, and embedding costs time. */
const maxChunksPerPage = 40;

/**
 * The passages of freshly read result pages that best answer a question,
 * ranked the way the library ranks its own (lib/rag/search-indexes.ts): BM25
 * over the passages, fused by reciprocal rank with vector similarity when the
 * library's embedding model is ready (keywords alone otherwise, or when it
 * fails). Nothing is stored: the index lives for this one question.
 */
export async function rankWebChunks(
  question: string,
  pages: readonly { readonly markdown: string }[],
  k: number,
  modelId: string | null,
): Promise<WebChunk[]> {
  const chunks: (WebChunk & { id: string })[] = pages.flatMap((page, p) =>
    chunkMarkdown(page.markdown)
      .slice(0, maxChunksPerPage)
      .map((chunk) => ({ id: `${p}:${chunk.ordinal}`, page: p, text: chunk.text, headingPath: chunk.headingPath })),
  );
  if (chunks.length === 0) return [];
  const lexical = new Bm25Index();
  pages.forEach((_page, p) => {
    const docs = chunks.filter((chunk) => chunk.page === p).map((chunk) => lexicalDoc(chunk.id, chunk.text));
    lexical.add(String(p), docs);
  });
  const depth = fusionDepth(k);
  const terms = contentTerms(question);
  const lists = [lexical.search(terms, depth).map((hit) => hit.chunkId)];
  const semantic = modelId ? await vectorRanking(question, chunks, modelId) : null;
  if (semantic) lists.unshift(semantic.slice(0, depth));
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const ranked = reciprocalRankFusion(lists)
    .slice(0, k)
    .flatMap((hit) => byId.get(hit.id) ?? []);
  // Nothing matched a word of the question (and no vectors): each page's opening still says what it is about.
  const picked = ranked.length > 0 ? ranked : pages.flatMap((_page, p) => chunks.find((c) => c.page === p) ?? []);
  return picked.slice(0, k).map(({ page, text, headingPath }) => ({ page, text, headingPath }));
}

/** Chunk ids by cosine similarity with the question, best first; null when the embedder cannot run. */
async function vectorRanking(
  question: string,
  chunks: readonly { readonly id: string; readonly text: string }[],
  modelId: string,
): Promise<string[] | null> {
  try {
    const [query, passages] = await Promise.all([
      embedTexts([question], 'query', { modelId }),
      embedTexts(
        chunks.map((chunk) => chunk.text),
        'passage',
        { modelId },
      ),
    ]);
    const q = query.vectors[0];
    if (!q) return null;
    return chunks
      .map((chunk, i) => {
        const vector = passages.vectors[i];
        return { id: chunk.id, score: vector ? cosine(q, vector) : -1 };
      })
      .sort((a, b) => b.score - a.score)
      .map((hit) => hit.id);
  } catch (error) {
    console.warn('[aside] web passages ranked by keywords only', error);
    return null;
  }
}
