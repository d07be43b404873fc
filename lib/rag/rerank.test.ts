import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddingServer, startEmbeddingServer } from '../../tests/support/embedding-server';
import { parseRerankAnswer, rerank } from './rerank';

describe('rerank answers', () => {
  it("reads TEI's [{index, score}] and orders it best first", () => {
    const answer = parseRerankAnswer(
      [
        { index: 1, score: 0.2 },
        { index: 0, score: 0.9 },
      ],
      2,
    );
    expect(answer.ranked.map((r) => r.index)).toEqual([0, 1]);
    expect(answer.tokens).toBeUndefined();
  });

  it("reads Jina's results with relevance_score and usage, and SiliconFlow's tokens", () => {
    const jina = parseRerankAnswer(
      {
        results: [
          { index: 2, relevance_score: 0.8 },
          { index: 0, relevance_score: 0.1 },
        ],
        usage: { total_tokens: 42 },
      },
      3,
    );
    expect(jina.ranked.map((r) => r.index)).toEqual([2, 0]);
    expect(jina.tokens).toBe(42);
    const siliconFlow = parseRerankAnswer(
      { results: [{ index: 0, relevance_score: 0.5 }], tokens: { input_tokens: 30, output_tokens: 0 } },
      1,
    );
    expect(siliconFlow.tokens).toBe(30);
  });

  it('refuses an answer without results, or naming a document that was not sent', () => {
    expect(() => parseRerankAnswer({ error: 'x' }, 2)).toThrow(expect.objectContaining({ code: 'rerank-failed' }));
    expect(() => parseRerankAnswer([{ index: 5, score: 1 }], 2)).toThrow(
      expect.objectContaining({ code: 'rerank-failed' }),
    );
    expect(() => parseRerankAnswer({ results: [{ index: 0 }] }, 2)).toThrow(
      expect.objectContaining({ code: 'rerank-failed' }),
    );
  });
});

describe('rerank through a server', () => {
  let server: EmbeddingServer;
  beforeAll(async () => {
    server = await startEmbeddingServer({ apiKey: 'rk', synonyms: [['car', 'automobile']] });
  });
  afterAll(() => server.close());
  const documents = ['rivers and lakes', 'an automobile engine', 'mountain weather'];

  it.each([
    ['TEI', '/rerank'],
    ['Jina', '/v1/rerank'],
  ])('orders documents by relevance in the %s format, with the key', async (_name, path) => {
    const answer = await rerank({ url: `${server.origin}${path}`, model: 'm', query: 'car', documents, apiKey: 'rk' });
    expect(answer.ranked[0]?.index).toBe(1);
    expect(answer.ranked).toHaveLength(3);
    const sent = server.requests.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer rk');
    expect(sent?.body).toMatchObject({ query: 'car', documents, texts: documents, top_n: 3 });
    if (path === '/v1/rerank') expect(answer.tokens).toBeGreaterThan(0);
  });

  it('waits out a 429 and fails clearly when the server keeps failing', async () => {
    server.fail(429, 1, 0);
    const ok = await rerank({ url: `${server.origin}/rerank`, model: '', query: 'car', documents, apiKey: 'rk' });
    expect(ok.ranked[0]?.index).toBe(1);
    server.fail(503, 3);
    await expect(
      rerank({ url: `${server.origin}/rerank`, model: '', query: 'car', documents, apiKey: 'rk' }),
    ).rejects.toMatchObject({ code: 'rerank-failed', status: 503 });
    await expect(
      rerank({ url: `${server.origin}/rerank`, model: '', query: 'car', documents, apiKey: 'bad' }),
    ).rejects.toMatchObject({ code: 'rerank-failed', status: 401 });
  });
});
