import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { capturedPage } from '../../tests/support/captured-page';
import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import { deletePages } from '../library/library-store';
import { savePageRecord } from '../library/save-page';
import { chunkMarkdown } from './chunk';
import { closeRagIndexes } from './index-cache';
import { kickIngest, type PageIndexer } from './ingest-runner';
import { createLibraryIndexer, type EmbedPassages } from './page-indexer';
import { hybridSearch } from './retrieve';

const dims = 8;
/** Forty paragraphs, each with its own word, so the page has several embedding batches and each chunk can be found. */
const markdown = Array.from(
  { length: 40 },
  (_, i) => `## Part ${i}\n\n${`Paragraph about zebra${i} and the orphan test. `.repeat(12)}`,
).join('\n\n');

const captured = (url: string): CapturedPage =>
  capturedPage({
    url,
    title: 'A long page',
    markdown,
  });

/** What the index holds of a page, in IndexedDB. */
async function stored(pageId: string) {
  const blocks = await db().ragVectorBlocks.toArray();
  return {
    chunks: await db().ragChunks.where('pageId').equals(pageId).count(),
    lexical: (await db().ragLexical.get(pageId)) !== undefined,
    vectors: blocks.flatMap((block) => block.rowPages).filter((page) => page === pageId).length,
  };
}

/** The real library indexer with an embedder the test controls, embedding with model `m`. */
function indexerWith(embed: EmbedPassages): PageIndexer {
  return { ...createLibraryIndexer(embed), currentModel: async () => 'm' };
}

/** Until the queue has noticed the deletion (it drops the page's job and clears what the index had of it). */
async function queueNoticed(pageId: string): Promise<void> {
  while (await db().ingestJobs.get(pageId)) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const vectorsOf = (texts: readonly string[]) => ({
  dims,
  vectors: texts.map((_, i) => Float32Array.from({ length: dims }, (_, j) => (i + j) % 3)),
});

describe('the library indexer', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    closeRagIndexes();
    await db().delete({ disableAutoOpen: false });
  });

  it('indexes a page with vectors and keywords', async () => {
    const { page } = await savePageRecord(captured('https://a.example/kept'));
    await kickIngest(indexerWith(async (texts) => vectorsOf(texts)));
    const chunks = chunkMarkdown(markdown).length;
    expect(chunks).toBeGreaterThan(16);
    expect(await stored(page.id)).toEqual({ chunks, lexical: true, vectors: chunks });
  });

  // The queue may notice the deletion before the indexer writes (the embedder is slow) or after.
  it.each([
    ['before', true],
    ['after', false],
  ])(
    'leaves no chunk, keyword or vector of a page deleted while it was being embedded (noticed %s the write)',
    async (_, wait) => {
      const { page } = await savePageRecord(captured('https://a.example/deleted'));
      let batches = 0;
      const indexer = indexerWith(async (texts) => {
        batches++;
        if (batches === 2) {
          // The user deletes the page mid-index; the library watch kicks the queue, as in the extension.
          await deletePages([page.id]);
          void kickIngest(indexer);
          if (wait) await queueNoticed(page.id);
        }
        return vectorsOf(texts);
      });
      await kickIngest(indexer);
      // Settled: a further run finds nothing to do.
      await kickIngest(indexer);
      expect(batches).toBeGreaterThan(2);
      expect(await stored(page.id)).toEqual({ chunks: 0, lexical: false, vectors: 0 });
      expect(await hybridSearch({ query: 'zebra3 orphan', queryVector: null, modelId: null })).toEqual([]);
    },
  );

  it.each([
    ['before', true],
    ['after', false],
  ])(
    'leaves nothing of a page deleted while it was indexed by keywords only (noticed %s the write)',
    async (_, wait) => {
      const { page } = await savePageRecord(captured('https://a.example/keywords'));
      const indexer: PageIndexer = {
        ...createLibraryIndexer(async () => {
          throw new Error('no embedding without a model');
        }),
        currentModel: async () => null,
      };
      const indexPage = indexer.indexPage.bind(indexer);
      indexer.indexPage = async (record, modelId, signal, contentChanged) => {
        // Deleted after the queue read the page, before its chunks are written.
        await deletePages([record.id]);
        void kickIngest(indexer);
        if (wait) await queueNoticed(record.id);
        return indexPage(record, modelId, signal, contentChanged);
      };
      await kickIngest(indexer);
      await kickIngest(indexer);
      expect(await stored(page.id)).toEqual({ chunks: 0, lexical: false, vectors: 0 });
    },
  );
});
