import { db } from '../db/database';
import { openLexicalIndex, openVectorIndex } from './index-cache';
import { searchIndexes } from './search-indexes';
import type { HybridSearchOptions, RetrievedChunk, SearchFilter } from './types';

export type { HybridSearchOptions, RetrievedChunk, SearchFilter } from './types';

/**
 * Finds the chunks of saved pages that best answer a query: BM25 over all
 * chunks, fused with vector search when a query vector and model are given
 * (keyword-only otherwise, e.g. while no embedder is ready). Filters use the
 * pages table (site, tag, saved date).
 */
export async function hybridSearch(options: HybridSearchOptions): Promise<RetrievedChunk[]> {
  const k = options.k ?? 8;
  const pages = options.filter ? await pagesMatching(options.filter) : undefined;
  if (pages?.size === 0) return [];
  const [lexical, vectors] = await Promise.all([
    openLexicalIndex(),
    options.queryVector && options.modelId ? openVectorIndex(options.modelId) : null,
  ]);
  const fused = searchIndexes({
    query: options.query,
    queryVector: options.queryVector,
    vectors,
    lexical,
    k,
    ...(pages ? { pages } : {}),
    ...(options.diversity ? { diversity: options.diversity } : {}),
    ...(options.minSimilarity === undefined ? {} : { minSimilarity: options.minSimilarity }),
    ...(options.rewrites ? { rewrites: options.rewrites } : {}),
  });
  const records = await db().ragChunks.bulkGet(fused.map((f) => f.id));
  return fused.flatMap((hit, i) => {
    const record = records[i];
    if (!record) return [];
    const { id, pageId, ordinal, text, headingPath, start, end, page } = record;
    const { score, vectorScore, keywordScore } = hit;
    return [
      {
        chunkId: id,
        pageId,
        ordinal,
        text,
        headingPath,
        start,
        end,
        ...(page === undefined ? {} : { page }),
        score,
        ...(vectorScore === undefined ? {} : { vectorScore }),
        ...(keywordScore === undefined ? {} : { keywordScore }),
      },
    ];
  });
}

/** Ids of saved pages passing the filter, starting from the most selective index. */
export async function pagesMatching(filter: SearchFilter): Promise<Set<string>> {
  const pages = db().pages;
  const from = filter.from ?? Number.NEGATIVE_INFINITY;
  const to = filter.to ?? Number.POSITIVE_INFINITY;
  const base =
    filter.tag !== undefined
      ? pages.where('tags').equals(filter.tag)
      : filter.siteName !== undefined
        ? pages.where('siteName').equals(filter.siteName)
        : pages.where('savedAt').between(from, to, true, true);
  const matching = base.filter(
    (page) =>
      (filter.siteName === undefined || page.siteName === filter.siteName) &&
      (filter.tag === undefined || page.tags.includes(filter.tag)) &&
      page.savedAt >= from &&
      page.savedAt <= to,
  );
  return new Set(await matching.primaryKeys());
}
