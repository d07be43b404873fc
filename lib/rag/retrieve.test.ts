import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import type { PageRecord } from '../db/records';
import { chunkMarkdown } from './chunk';
import { closeRagIndexes } from './index-cache';
import { hybridSearch } from './retrieve';
import { blockSize } from './vector-blocks';
import { addChunks, countChunks, indexChunks, openVectorIndex, removeModel, removePage } from './vector-index';

const dims = 16;
/** A fake embedding: one axis per topic word, so vector search is predictable. */
const topics = ['fox', 'vector', 'weather', 'browser', '天气', '向量'];
function embed(text: string): Float32Array {
  const v = new Float32Array(dims).fill(0.01);
  topics.forEach((topic, i) => {
    if (text.toLowerCase().includes(topic)) v[i] = 1;
  });
  return v;
}

const pages: Record<string, { markdown: string; siteName: string; tags: string[]; savedAt: number }> = {
  en: {
    markdown:
      '# Animals\n\nThe quick brown fox jumps over the lazy dog.\n\n# Search\n\nVector search scans int8 codes.',
    siteName: 'Example',
    tags: ['animals'],
    savedAt: 1000,
  },
  zh: {
    markdown: '## 生活\n\n今天天气很好，我们去公园散步。\n\n## 技术\n\n向量检索在浏览器中运行。',
    siteName: '示例',
    tags: ['中文'],
    savedAt: 2000,
  },
  other: {
    markdown: 'A browser extension saves pages for offline reading.',
    siteName: 'Example',
    tags: [],
    savedAt: 3000,
  },
};

async function savePage(id: string): Promise<void> {
  const page = pages[id];
  if (!page) throw new Error(id);
  await db().pages.put({
    id,
    url: `https://example.com/${id}`,
    title: id,
    byline: null,
    siteName: page.siteName,
    lang: null,
    excerpt: null,
    markdown: page.markdown,
    contentHash: id,
    wordCount: 10,
    method: 'readability',
    cutAtCapture: false,
    source: 'saved',
    tags: page.tags,
    savedAt: page.savedAt,
    updatedAt: page.savedAt,
    terms: [],
  } satisfies PageRecord);
}

async function embedPage(id: string, modelId = 'model-a'): Promise<void> {
  const chunks = chunkMarkdown(pages[id]?.markdown ?? '');
  await addChunks(
    modelId,
    dims,
    chunks.map((chunk) => ({ pageId: id, chunk, vector: embed(chunk.text) })),
  );
}

describe('hybridSearch', () => {
  beforeEach(async () => {
    closeRagIndexes();
    await db().delete({ disableAutoOpen: false });
    for (const id of Object.keys(pages)) await savePage(id);
  });

  it('adds, finds by vector and keyword, with offsets into the page and heading paths', async () => {
    for (const id of Object.keys(pages)) await embedPage(id);
    expect(await countChunks()).toBe(5);
    expect(await countChunks('model-a')).toBe(5);
    const [top] = await hybridSearch({ query: 'weather', queryVector: embed('天气'), modelId: 'model-a', k: 3 });
    expect(top?.pageId).toBe('zh');
    expect(top?.headingPath).toEqual(['生活']);
    expect(pages.zh?.markdown.slice(top?.start, top?.end)).toBe(top?.text);
    const fox = await hybridSearch({ query: 'quick fox', queryVector: embed('fox'), modelId: 'model-a', k: 2 });
    expect(fox[0]).toMatchObject({ pageId: 'en', ordinal: 0, headingPath: ['Animals'], chunkId: 'en#0' });
    expect(fox[0]?.score).toBeGreaterThan(fox[1]?.score ?? 0);
  });

  it('finds nothing for a question the library does not cover: stop words and dissimilar vectors do not count', async () => {
    for (const id of Object.keys(pages)) await embedPage(id);
    // Every page shares "the"/"is" with this question, and every vector some similarity.
    const question = { query: 'What is the price of gold?', queryVector: embed('gold'), modelId: 'model-a', k: 3 };
    expect((await hybridSearch(question)).length).toBeGreaterThan(0);
    expect(await hybridSearch({ ...question, minSimilarity: 0.5 })).toEqual([]);
    // A covered question still finds its passage through the same gate.
    const fox = await hybridSearch({
      ...question,
      query: 'Where is the fox?',
      queryVector: embed('fox'),
      minSimilarity: 0.5,
    });
    expect(fox[0]?.pageId).toBe('en');
  });

  it('works keyword-only, before any embedding, in Chinese and English', async () => {
    await indexChunks('zh', chunkMarkdown(pages.zh?.markdown ?? ''));
    await indexChunks('other', chunkMarkdown(pages.other?.markdown ?? ''));
    const zh = await hybridSearch({ query: '向量检索', queryVector: null, modelId: null });
    expect(zh.map((c) => c.chunkId)).toEqual(['zh#1']);
    const en = await hybridSearch({ query: 'offline pages', queryVector: null, modelId: null });
    expect(en.map((c) => c.chunkId)).toEqual(['other#0']);
    expect(await hybridSearch({ query: 'nothing matches this', queryVector: null, modelId: null })).toEqual([]);
  });

  it('filters by site, tag and saved date', async () => {
    for (const id of Object.keys(pages)) await embedPage(id);
    const all = { query: 'browser', queryVector: embed('browser'), modelId: 'model-a', k: 10 };
    const pageIds = async (filter: object) =>
      [...new Set((await hybridSearch({ ...all, filter })).map((c) => c.pageId))].sort();
    expect(await pageIds({ siteName: 'Example' })).toEqual(['en', 'other']);
    expect(await pageIds({ tag: '中文' })).toEqual(['zh']);
    expect(await pageIds({ from: 1500, to: 2500 })).toEqual(['zh']);
    expect(await pageIds({ siteName: 'Example', from: 2000 })).toEqual(['other']);
    expect(await pageIds({ tag: 'missing' })).toEqual([]);
  });

  it('removePage forgets chunks, terms and vectors, in memory and after reopening', async () => {
    for (const id of Object.keys(pages)) await embedPage(id);
    await hybridSearch({ query: 'fox', queryVector: embed('fox'), modelId: 'model-a' }); // loads the caches
    await removePage('en');
    const search = () =>
      hybridSearch({ query: 'fox vector', queryVector: embed('fox vector'), modelId: 'model-a', k: 10 });
    expect((await search()).some((c) => c.pageId === 'en')).toBe(false);
    closeRagIndexes();
    expect((await search()).some((c) => c.pageId === 'en')).toBe(false);
    expect(await countChunks('model-a')).toBe(3);
    expect(await db().ragChunks.where('pageId').equals('en').count()).toBe(0);
  });

  it('keeps models apart: a new model is added beside the old, which stays usable until removed', async () => {
    await embedPage('en', 'model-a');
    await embedPage('en', 'model-b');
    expect(await countChunks('model-a')).toBe(2);
    expect(await countChunks('model-b')).toBe(2);
    expect(await countChunks()).toBe(2);
    await removeModel('model-a');
    expect(await countChunks('model-a')).toBe(0);
    const hits = await hybridSearch({ query: 'fox', queryVector: embed('fox'), modelId: 'model-b', k: 1 });
    expect(hits[0]?.chunkId).toBe('en#0');
    await expect(addChunks('model-b', 8, [])).resolves.toBeUndefined();
    const chunk = chunkMarkdown('x')[0];
    if (!chunk) throw new Error('no chunk');
    await expect(addChunks('model-b', 8, [{ pageId: 'x', chunk, vector: new Float32Array(8) }])).rejects.toThrow(
      /16-dim/,
    );
  });

  it('adding the same chunks again replaces them instead of duplicating', async () => {
    await embedPage('en');
    await embedPage('en');
    expect(await countChunks('model-a')).toBe(2);
    closeRagIndexes();
    expect(await countChunks('model-a')).toBe(2);
    const hits = await hybridSearch({ query: 'fox', queryVector: embed('fox'), modelId: 'model-a', k: 10 });
    expect(hits.map((h) => h.chunkId).sort()).toEqual(['en#0', 'en#1']);
  });

  it('packs vectors into blocks and merges small ones, keeping every vector', async () => {
    const chunk = (ordinal: number) => ({ ordinal, text: `chunk ${ordinal}`, headingPath: [], start: 0, end: 1 });
    const vector = (i: number) => {
      let state = i + 1;
      return Float32Array.from({ length: dims }, () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 2 ** 32 - 0.5;
      });
    };
    for (let batch = 0; batch < 20; batch++) {
      await addChunks(
        'model-a',
        dims,
        Array.from({ length: 300 }, (_, i) => ({
          pageId: `p${batch}`,
          chunk: chunk(i),
          vector: vector(batch * 300 + i),
        })),
      );
    }
    const blocks = await db().ragVectorBlocks.toArray();
    expect(blocks.length).toBeLessThan(20);
    expect(blocks.some((b) => b.count === blockSize)).toBe(true);
    expect(blocks.reduce((sum, b) => sum + b.count, 0)).toBe(6000);
    closeRagIndexes();
    const index = await openVectorIndex('model-a');
    expect(index.size).toBe(6000);
    const hit = index.search(vector(4321), 1)[0];
    expect(hit).toMatchObject({ chunkId: 'p14#121', pageId: 'p14' });
  });
});
