import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddingServer, startEmbeddingServer } from '../../tests/support/embedding-server';
import { rerankHits } from './rerank-hits';
import type { RetrievedChunk } from './retrieve';

const hit = (ordinal: number, text: string): RetrievedChunk => ({
  chunkId: `p#${ordinal}`,
  pageId: 'p',
  ordinal,
  text,
  headingPath: ['Section'],
  start: 0,
  end: text.length,
  score: 1 / (ordinal + 1),
});

describe('reranking the search candidates', () => {
  let server: EmbeddingServer;
  const hits = [hit(0, 'rivers and lakes'), hit(1, 'mountain weather'), hit(2, 'an automobile engine'), hit(3, 'car')];

  beforeAll(async () => {
    server = await startEmbeddingServer({ synonyms: [['car', 'automobile']] });
  });
  afterAll(() => server.close());

  it("keeps the best k in the reranker's order and reports its time and tokens", async () => {
    const settings = { enabled: true, url: `${server.origin}/v1/rerank`, model: 'rr' };
    const { hits: ranked, rerank } = await rerankHits(settings, 'car', hits, 2);
    expect(ranked.map((h) => h.ordinal)).toEqual([3, 2]);
    expect(rerank.host).toBe(new URL(server.origin).host);
    expect(rerank.failed).toBeUndefined();
    expect(rerank.tokens).toBeGreaterThan(0);
    expect(server.requests.at(-1)?.body.documents).toEqual(hits.map((h) => `Section\n${h.text}`));
  });

  it('keeps the search order, and says reranking failed, when the server does', async () => {
    server.fail(500, 3);
    const settings = { enabled: true, url: `${server.origin}/rerank`, model: '' };
    const { hits: kept, rerank } = await rerankHits(settings, 'car', hits, 2);
    expect(kept.map((h) => h.ordinal)).toEqual([0, 1]);
    expect(rerank.failed).toBe(true);
  });
});
