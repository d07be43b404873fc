import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelServer, startModelServer } from '../../tests/support/model-server';
import { makeTestModels, TEST_MODELS } from '../../tests/support/test-models/make-test-models';
import { EmbedEngine, type EngineConfig } from './embed-engine';
import { withPrefixes } from './embedding-models';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const rows = (data: Float32Array, dims: number) =>
  Array.from({ length: data.length / dims }, (_, i) => data.subarray(i * dims, (i + 1) * dims));

/** The product's engine, loading the generated tiny model from a Hub-layout server through Transformers.js. */
describe('EmbedEngine with the tiny test model', () => {
  let server: ModelServer;
  let cacheDir: string;
  let config: EngineConfig;
  beforeAll(async () => {
    makeTestModels(['tiny']);
    server = await startModelServer();
    // The Node file cache is never revalidated: each run gets a fresh one.
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'aside-models-'));
    env.cacheDir = cacheDir;
    config = { modelId: TEST_MODELS.tiny, remoteHost: server.url, dtype: 'q8' };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('downloads the model from the host with progress, then embeds normalized vectors in input order', async () => {
    const engine = new EmbedEngine();
    const progress: string[] = [];
    const texts = ['the cat sat on the mat', 'quantum field theory lecture', '我们今天学习中文', 'a cat sat on a mat'];
    const { dims, data } = await engine.embed(config, texts, 2, (files) => {
      for (const f of files) if (f.loaded === f.total) progress.push(f.file);
    });
    expect(dims).toBe(128);
    expect(data.length).toBe(texts.length * dims);
    const files = server.downloads().map((r) => r.file);
    expect(files).toContain('onnx/model_quantized.onnx');
    expect(files).toContain('tokenizer.json');
    expect(progress).toContain('onnx/model_quantized.onnx');
    for (const v of rows(data, dims)) expect(cosine(v, v)).toBeCloseTo(1, 4);
    // Same vectors whatever the batching: length bucketing keeps input order.
    const single = await engine.embed(config, texts, 1);
    for (let i = 0; i < data.length; i++) expect(single.data[i]).toBeCloseTo(data[i]!, 4);
  });

  it('puts texts that share words closer than unrelated ones, in English and Chinese', async () => {
    const engine = new EmbedEngine();
    const texts = [
      'how to bake sourdough bread at home',
      'baking bread at home with sourdough starter',
      'election results in the northern province',
      '北京的天气预报说明天下雨',
      '明天北京下雨吗',
      '电脑程序设计入门',
    ];
    const { dims, data } = await engine.embed(config, texts);
    const [bread1, bread2, election, weather1, weather2, code] = rows(data, dims) as Float32Array[] as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    expect(cosine(bread1, bread2)).toBeGreaterThan(cosine(bread1, election) + 0.2);
    expect(cosine(weather1, weather2)).toBeGreaterThan(cosine(weather1, code) + 0.2);
  });

  it('fails with model-unreachable when the host is down, and loads after it is back', async () => {
    const engine = new EmbedEngine();
    env.cacheDir = mkdtempSync(path.join(cacheDir, 'second-'));
    await server.fail('unreachable');
    await expect(engine.embed(config, ['hello'])).rejects.toMatchObject({ code: 'model-unreachable' });
    await server.fail('none');
    const { dims } = await engine.embed(config, ['hello']);
    expect(dims).toBe(128);
  });

  it('fails with model-load-failed for a model the host does not have', async () => {
    const engine = new EmbedEngine();
    await expect(engine.embed({ ...config, modelId: 'aside-test/missing' }, ['hello'])).rejects.toMatchObject({
      code: 'model-load-failed',
    });
  });
});

describe('model prefixes', () => {
  it('applies E5 query/passage prefixes, BGE query instructions, and nothing for other models', () => {
    expect(withPrefixes('Xenova/multilingual-e5-small', ['a'], 'query')).toEqual(['query: a']);
    expect(withPrefixes('Xenova/multilingual-e5-small', ['a'], 'passage')).toEqual(['passage: a']);
    expect(withPrefixes('Xenova/bge-small-zh-v1.5', ['a'], 'query')[0]).toMatch(/^为这个句子.*a$/);
    expect(withPrefixes('Xenova/bge-small-zh-v1.5', ['a'], 'passage')).toEqual(['a']);
    expect(withPrefixes(TEST_MODELS.tiny, ['a'], 'query')).toEqual(['a']);
  });
});
