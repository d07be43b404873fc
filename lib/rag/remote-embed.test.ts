import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddingServer, startEmbeddingServer } from '../../tests/support/embedding-server';
import { embedRemote } from './remote-embed';

const quick = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 50 };

describe('embeddings through an OpenAI-compatible server', () => {
  let server: EmbeddingServer;
  const target = () => ({ baseURL: server.url, model: 'test-embed' });
  const embeddingCalls = () => server.requests.filter((r) => r.path === '/v1/embeddings');

  beforeAll(async () => {
    server = await startEmbeddingServer({ dims: 48, apiKey: 'sk-embed', synonyms: [['car', 'automobile']] });
  });
  afterAll(() => server.close());

  it('sends the texts in batches, with the key, and returns normalized vectors in input order', async () => {
    const before = embeddingCalls().length;
    const texts = Array.from({ length: 7 }, (_, i) => `text number ${i} about ${i % 2 ? 'cars' : 'rivers'}`);
    const result = await embedRemote(target(), texts, { apiKey: 'sk-embed', batchSize: 3 });
    const calls = embeddingCalls().slice(before);
    expect(calls.map((c) => (c.body.input as string[]).length)).toEqual([3, 3, 1]);
    expect(calls[0]?.headers.authorization).toBe('Bearer sk-embed');
    expect(calls[0]?.body.encoding_format).toBe('float');
    expect(result.dims).toBe(48);
    expect(result.vectors).toHaveLength(7);
    for (const [i, vector] of result.vectors.entries()) {
      const expected = server.embed(texts[i] as string);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
      expect(vector[0]).toBeCloseTo(expected[0] as number, 5);
    }
    expect(result.tokens).toBeGreaterThan(0);
  });

  it('waits as long as a 429 asks and then succeeds', async () => {
    server.fail(429, 2, 0);
    const waits: number[] = [];
    const result = await embedRemote(target(), ['an automobile'], {
      apiKey: 'sk-embed',
      retry: quick,
      onRetry: (ms) => waits.push(ms),
    });
    expect(waits).toEqual([0, 0]);
    expect(result.vectors).toHaveLength(1);
  });

  it('gives up on a 429 after the retries, with a rate-limit error naming the server', async () => {
    server.fail(429, 4, 0);
    const failure = embedRemote(target(), ['x'], { apiKey: 'sk-embed', retry: quick });
    await expect(failure).rejects.toMatchObject({
      code: 'embed-server-rate-limit',
      params: { host: new URL(server.url).host },
    });
  });

  it('says a refused key, an unknown model and a server that is down, each in its own words', async () => {
    await expect(embedRemote(target(), ['x'], { apiKey: 'wrong', retry: quick })).rejects.toMatchObject({
      code: 'embed-server-auth',
      status: 401,
    });
    await expect(
      embedRemote({ baseURL: `${server.origin}/nowhere/v1`, model: 'm' }, ['x'], { apiKey: 'sk-embed', retry: quick }),
    ).rejects.toMatchObject({ code: 'embed-server-not-found', status: 404 });
    server.fail(503, 4);
    await expect(embedRemote(target(), ['x'], { apiKey: 'sk-embed', retry: quick })).rejects.toMatchObject({
      code: 'embed-server-down',
    });
    server.setDown(true);
    try {
      await expect(embedRemote(target(), ['x'], { apiKey: 'sk-embed', retry: quick })).rejects.toMatchObject({
        code: 'embed-server-down',
      });
    } finally {
      server.setDown(false);
    }
  });

  it('refuses vectors of another size than the library holds or than asked for', async () => {
    await expect(
      embedRemote(target(), ['x'], { apiKey: 'sk-embed', expectedDims: 384, retry: quick }),
    ).rejects.toMatchObject({ code: 'embed-server-dimensions', params: { expected: '384', got: '48' } });
    const shortened = await embedRemote({ ...target(), dimensions: 16 }, ['x'], { apiKey: 'sk-embed' });
    expect(shortened.dims).toBe(16);
    expect(embeddingCalls().at(-1)?.body.dimensions).toBe(16);
  });

  it('makes synonyms near and unrelated words far, so semantic hits are predictable', async () => {
    const { vectors } = await embedRemote(target(), ['automobile', 'car', 'river'], { apiKey: 'sk-embed' });
    const [a, b, c] = vectors as [Float32Array, Float32Array, Float32Array];
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * (y[i] as number), 0);
    expect(dot(a, b)).toBeCloseTo(1, 5);
    expect(Math.abs(dot(a, c))).toBeLessThan(0.5);
  });
});
