import type { PageRecord } from '../db/records';
import { AsideError } from '../messaging/errors';
import { chunkMarkdown } from './chunk';
import { embedTexts } from './embedder';
import { indexModel } from './index-model';
import type { PageIndexer } from './ingest-runner';
import { addChunks, removePage } from './vector-index';

/** Chunks embedded per call: big enough to batch well, small enough to show progress and honour Cancel. */
const embedBatch = 16;

/**
 * The real index behind the ingest queue: a page is chunked, its chunks
 * embedded in the offscreen embedder, and both written to the vector and
 * keyword indexes, replacing what the page had before.
 */
export const libraryIndexer: PageIndexer = {
  currentModel: indexModel,
  async indexPage(page: PageRecord, modelId: string | null, signal: AbortSignal): Promise<number> {
    const chunks = chunkMarkdown(page.markdown);
    const vectors: Float32Array[] = [];
    let dims = 0;
    if (modelId) {
      for (let start = 0; start < chunks.length; start += embedBatch) {
        if (signal.aborted) throw new AsideError('cancelled', 'Indexing was cancelled.');
        const batch = chunks
          .slice(start, start + embedBatch)
          .map((chunk) => passageText(page, chunk.headingPath, chunk.text));
        const embedded = await embedTexts(batch, 'passage');
        dims = embedded.dims;
        vectors.push(...embedded.vectors);
      }
    }
    if (signal.aborted) throw new AsideError('cancelled', 'Indexing was cancelled.');
    await removePage(page.id);
    await addChunks(
      modelId,
      dims,
      chunks.map((chunk, index) => ({ pageId: page.id, chunk, vector: vectors[index] ?? null })),
    );
    return chunks.length;
  },
  async removePages(pageIds: readonly string[]): Promise<void> {
    for (const pageId of pageIds) await removePage(pageId);
  },
};

/** What a chunk's vector is made from: its page title and headings give a short passage its topic. */
function passageText(page: PageRecord, headingPath: readonly string[], text: string): string {
  return [page.title, ...headingPath, text].filter(Boolean).join('\n');
}
