import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelServer, startModelServer } from '../../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../../tests/support/test-models/make-test-models';
import type { EngineConfig } from './embed-engine';
import { RerankEngine } from './rerank-engine';

/** The in-browser reranker's engine on the generated cross-encoder, served in the Hub's layout. */
describe('RerankEngine with the tiny test cross-encoder', () => {
  let server: ModelServer;
  let cacheDir: string;
  let config: EngineConfig;
  beforeAll(async () => {
    makeTestModels(['reranker']);
    server = await startModelServer();
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'aside-rerank-models-'));
    env.cacheDir = cacheDir;
    config = { modelId: TEST_MODELS.reranker, remoteHost: server.url, dtype: 'q8' };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const passages = [
    'Election results in the northern province were announced on Monday.',
    'Bake sourdough bread at home: feed the starter, then let the dough rise overnight.',
    '明天北京会下雨，天气预报说气温下降。',
    'A recipe for bread with a sourdough starter.',
  ];

  it('downloads the model with progress and scores the passages sharing the question’s words highest', async () => {
    const engine = new RerankEngine();
    const done: string[] = [];
    const scores = await engine.score(config, 'how do I bake sourdough bread', passages, 8, (files) => {
      for (const f of files) if (f.loaded === f.total) done.push(f.file);
    });
    expect(server.downloads().map((r) => r.file)).toContain('onnx/model_quantized.onnx');
    expect(done).toContain('onnx/model_quantized.onnx');
    expect(scores.length).toBe(4);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1);
    const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!);
    expect(order.slice(0, 2).sort()).toEqual([1, 3]);
    expect(scores[1]! - scores[0]!).toBeGreaterThan(0.2);

    // Chinese: the weather passage for a weather question.
    const zh = await engine.score(config, '北京明天下雨吗', passages);
    expect(zh.indexOf(Math.max(...zh))).toBe(2);
  });

  it('keeps input order whatever the batching', async () => {
    const engine = new RerankEngine();
    const whole = await engine.score(config, 'sourdough bread election', passages, 8);
    const single = await engine.score(config, 'sourdough bread election', passages, 1);
    const pairs = await engine.score(config, 'sourdough bread election', passages, 2);
    for (let i = 0; i < passages.length; i++) {
      expect(single[i]).toBeCloseTo(whole[i]!, 4);
      expect(pairs[i]).toBeCloseTo(whole[i]!, 4);
    }
    // Each passage alone gets the score it gets in a batch: padding does not leak into it.
    const alone = await engine.score(config, 'sourdough bread election', [passages[2]!]);
    expect(alone[0]).toBeCloseTo(whole[2]!, 4);
  });

  it('fails with model-load-failed for a model the host does not have, and model-unreachable when it is down', async () => {
    const engine = new RerankEngine();
    await expect(engine.score({ ...config, modelId: 'aside-test/missing' }, 'q', ['p'])).rejects.toMatchObject({
      code: 'model-load-failed',
    });
    env.cacheDir = mkdtempSync(path.join(cacheDir, 'second-'));
    await server.fail('unreachable');
    await expect(engine.score(config, 'q', ['p'])).rejects.toMatchObject({ code: 'model-unreachable' });
    await server.fail('none');
    expect((await engine.score(config, 'q', ['p'])).length).toBe(1);
  });
});
