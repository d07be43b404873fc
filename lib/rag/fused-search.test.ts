import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { chunkMarkdown } from './chunk';
import { closeRagIndexes } from './index-cache';
import { libraryLanguages } from './library-languages';
import { hybridSearch } from './retrieve';
import { indexChunks } from './vector-index';

const pages: Record<string, string> = {
  bridges:
    '# Stone bridges\n\nMasonry arch bridges carry their load in compression, so the stones press together and the arch stands for centuries.',
  steel: '# Steel\n\nSteel girders corrode where water collects; fatigue cracks grow at welded joints under traffic.',
  rice: '# Rice\n\nRice paddies are flooded fields where rice is grown in standing water.',
  zh: '# 桥梁\n\n钢桥在焊接处容易出现疲劳裂纹。',
};

describe('hybrid search with RAG-Fusion rewrites (keyword-only)', () => {
  beforeEach(async () => {
    closeRagIndexes();
    await db().delete({ disableAutoOpen: false });
  });

  const index = async (...ids: string[]) => {
    for (const id of ids) await indexChunks(id, chunkMarkdown(pages[id] ?? ''));
  };
  const search = (query: string, rewrites: string[] = []) =>
    hybridSearch({
      query,
      queryVector: null,
      modelId: null,
      k: 6,
      rewrites: rewrites.map((rewrite) => ({ query: rewrite, queryVector: null })),
    }).then((hits) => hits.map((hit) => hit.pageId));

  it('adds what only a rewrite finds to what the question finds', async () => {
    await index('bridges', 'steel', 'rice');
    expect(await search('How do masonry arch bridges carry their load?')).toEqual(['bridges']);
    const fused = await search('How do masonry arch bridges carry their load?', [
      'fatigue cracks welded steel girders',
    ]);
    expect(fused).toEqual(['bridges', 'steel']);
  });

  it('still answers "not in your library" when only the rewrites match something', async () => {
    await index('bridges', 'steel', 'rice');
    expect(await search('How do I cook chicken curry?')).toEqual([]);
    expect(await search('How do I cook chicken curry?', ['rice grown in flooded paddies', 'rice water'])).toEqual([]);
  });

  it('knows which languages the library holds, and notices a new one', async () => {
    await index('bridges');
    expect(await libraryLanguages()).toEqual({ zh: false, en: true });
    await index('zh');
    expect(await libraryLanguages()).toEqual({ zh: true, en: true });
  });
});
