import type { PageRecord } from '../db/records';
import { AsideError } from '../messaging/errors';
import { chunkMarkdown } from './chunk';
import { embedTexts } from './embedder';
import { hasPages } from './has-pages';
import { indexModel } from './index-model';
import type { PageIndexer } from './ingest-runner';
import { addChunks, indexChunks, removeModel, removePage } from './vector-index';

/** Chunks embedded per call: big enough to batch well, small enough to honour Cancel soon. */
const embedBatch = 16;

/** Embeds passages: the embedder host in the extension, something controllable in tests. */
export type EmbedPassages = (
  texts: readonly string[],
  kind: 'passage',
) => Promise<{ dims: number; vectors: Float32Array[] }>;

/**
 * The real index behind the ingest queue: a page is chunked, its chunks
 * embedded in the embedder host, and both written to the vector and keyword
 * indexes. A changed page replaces everything it had; a page only re-embedded
 * with a new model keeps its other models' vectors until that model is retired.
 */
export const libraryIndexer: PageIndexer = createLibraryIndexer(embedTexts);

/** The library indexer embedding with `embed`. */
export function createLibraryIndexer(embed: EmbedPassages): PageIndexer {
  return {
    currentModel: indexModel,
    async indexPage(page: PageRecord, modelId: string | null, signal: AbortSignal, contentChanged): Promise<number> {
      const chunks = chunkMarkdown(page.markdown, { pageMarkers: hasPages(page), byline: page.byline });
      const cancelled = () => new AsideError('cancelled', 'Indexing was cancelled.');
      const vectors: Float32Array[] = [];
      let dims = 0;
      if (modelId) {
        for (let start = 0; start < chunks.length; start += embedBatch) {
          if (signal.aborted) throw cancelled();
          const batch = chunks
            .slice(start, start + embedBatch)
            .map((chunk) => passageText(page, chunk.headingPath, chunk.text));
          const embedded = await embed(batch, 'passage');
          dims = embedded.dims;
          vectors.push(...embedded.vectors);
        }
      }
      if (signal.aborted) throw cancelled();
      if (contentChanged) await removePage(page.id);
      if (modelId && vectors.length === chunks.length) {
        await addChunks(
          modelId,
          dims,
          chunks.map((chunk, index) => ({ pageId: page.id, chunk, vector: vectors[index] as Float32Array })),
          // The page may have been deleted while it was embedded: then nothing is written.
          { onlyStoredPages: true },
        );
      } else {
        await indexChunks(page.id, chunks, { onlyStoredPages: true });
      }
      return chunks.length;
    },
    async removePages(pageIds: readonly string[]): Promise<void> {
      for (const pageId of pageIds) await removePage(pageId);
    },
    removeModel,
  };
}

/** What a chunk's vector is made from: the page title and headings give a short passage its topic. */
function passageText(page: PageRecord, headingPath: readonly string[], text: string): string {
  return [page.title, ...headingPath, text].filter(Boolean).join('\n');
}
