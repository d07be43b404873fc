import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type EmbeddingServer, startEmbeddingServer } from '../../tests/support/embedding-server';
import { type ModelServer, startModelServer } from '../../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../../tests/support/test-models/make-test-models';
import { AsideError } from '../messaging/errors';
import type { OffscreenRequests, RequestOf } from '../messaging/protocol';
import { defaultEmbeddingSettings } from '../settings/embedding-settings';
import { embeddingSettingsItem } from '../settings/secure-settings';
import { RerankEngine } from './rerank-engine';
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

/**
 * The in-browser path from the background's side: the offscreen document's
 * `offscreen.rerank` is served here by the real engine on the tiny test
 * cross-encoder (the worker between them is covered by the E2E test).
 */
describe('reranking in the browser', () => {
  let models: ModelServer;
  let rerankServer: EmbeddingServer;
  let cacheDir: string;
  const engine = new RerankEngine();
  const hits = [
    hit(0, 'Election results in the northern province.'),
    hit(1, 'Mountain weather for the weekend.'),
    hit(2, 'Bake sourdough bread at home overnight.'),
    hit(3, 'The sourdough starter needs flour.'),
  ];
  const browserSide = { enabled: true, runOn: 'browser' as const, modelId: TEST_MODELS.reranker, url: '', model: '' };

  beforeAll(async () => {
    makeTestModels(['reranker']);
    models = await startModelServer();
    rerankServer = await startEmbeddingServer();
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'aside-rerank-hits-'));
    env.cacheDir = cacheDir;
  }, 60_000);
  afterAll(async () => {
    await models?.close();
    await rerankServer?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const serveOffscreen = () => {
    fakeBrowser.reset();
    // The offscreen document is open, and answers its reranking request with the engine.
    Object.assign(fakeBrowser.runtime, { getContexts: async () => [{ contextType: 'OFFSCREEN_DOCUMENT' }] });
    const seen: RequestOf<OffscreenRequests, 'offscreen.rerank'>[] = [];
    // The fake browser answers through `sendResponse` when a listener returns true, as Chrome does.
    const listener = (message: { type: string; payload: unknown }, _sender: unknown, reply: (r: unknown) => void) => {
      if (message.type !== 'offscreen.rerank') return false;
      const request = message.payload as RequestOf<OffscreenRequests, 'offscreen.rerank'>;
      seen.push(request);
      engine.score(request.config, request.query, request.passages).then(
        (scores) => reply({ ok: true, value: { scores: Array.from(scores) } }),
        (error: unknown) => reply({ ok: false, error: AsideError.from(error).toJSON() }),
      );
      return true;
    };
    fakeBrowser.runtime.onMessage.addListener(listener as never);
    return seen;
  };

  it("orders by the cross-encoder from the embedder's model host, with the model and time as its cost", async () => {
    const seen = serveOffscreen();
    await embeddingSettingsItem.setValue({ ...defaultEmbeddingSettings, host: 'mirror', mirrorUrl: models.url });
    const { hits: ranked, rerank } = await rerankHits(browserSide, 'how to bake sourdough bread', hits, 3);
    expect(ranked.map((h) => h.ordinal).slice(0, 2)).toEqual([2, 3]);
    expect(rerank).toMatchObject({ host: '', model: TEST_MODELS.reranker });
    expect(rerank.failed).toBeUndefined();
    expect(rerank.tokens).toBeUndefined();
    expect(seen[0]?.config).toMatchObject({ modelId: TEST_MODELS.reranker, remoteHost: models.url });
    expect(seen[0]?.passages).toEqual(hits.map((h) => `Section\n${h.text}`));
    expect(rerankServer.requests).toEqual([]);
  });

  it('keeps the search order, and says so, when the model cannot load', async () => {
    serveOffscreen();
    await embeddingSettingsItem.setValue({ ...defaultEmbeddingSettings, host: 'mirror', mirrorUrl: models.url });
    const missing = { ...browserSide, modelId: 'aside-test/missing' };
    const { hits: kept, rerank } = await rerankHits(missing, 'sourdough bread', hits, 2);
    expect(kept.map((h) => h.ordinal)).toEqual([0, 1]);
    expect(rerank).toMatchObject({ model: 'aside-test/missing', failed: true });
  });

  it('goes to the /rerank server when that is the choice, even with a model id set', async () => {
    const seen = serveOffscreen();
    const settings = { ...browserSide, runOn: 'server' as const, url: `${rerankServer.origin}/rerank` };
    const { rerank } = await rerankHits(settings, 'sourdough', hits, 2);
    expect(rerank.model).toBeUndefined();
    expect(rerank.host).toBe(new URL(rerankServer.origin).host);
    expect(rerankServer.requests.filter((r) => r.path === '/rerank')).toHaveLength(1);
    expect(seen).toEqual([]);
  });
});
