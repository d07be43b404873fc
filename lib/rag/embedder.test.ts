import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { embedderStatus, embedTexts, reportEmbedderProgress } from './embedder';
import { embedderStatusItem, idleEmbedderStatus } from './embedder-status';
import { DEFAULT_EMBEDDING_MODEL } from './embedding-models';

describe('background embedder API', () => {
  beforeEach(() => fakeBrowser.reset());

  it('fails with embedder-unavailable where the browser has no offscreen documents, and records it', async () => {
    // As in Firefox: no `offscreen` API.
    const offscreen = Object.getOwnPropertyDescriptor(fakeBrowser, 'offscreen');
    Reflect.deleteProperty(fakeBrowser, 'offscreen');
    try {
      await expect(embedTexts(['hello'], 'query')).rejects.toMatchObject({ code: 'embedder-unavailable' });
    } finally {
      if (offscreen) Object.defineProperty(fakeBrowser, 'offscreen', offscreen);
    }
    const status = await embedderStatus();
    expect(status).toMatchObject({
      state: 'error',
      modelId: DEFAULT_EMBEDDING_MODEL,
      source: 'https://huggingface.co/',
    });
    expect(status.error?.code).toBe('embedder-unavailable');
  });

  it('sums file progress while loading and ignores late progress once ready', async () => {
    await embedderStatusItem.setValue({ ...idleEmbedderStatus, state: 'loading', modelId: 'm' });
    await reportEmbedderProgress([
      { file: 'onnx/model_quantized.onnx', loaded: 3_000_000, total: 10_000_000 },
      { file: 'tokenizer.json', loaded: 500, total: 500 },
    ]);
    expect(await embedderStatus()).toMatchObject({ state: 'loading', loadedBytes: 3_000_500, totalBytes: 10_000_500 });

    await embedderStatusItem.setValue({ ...idleEmbedderStatus, state: 'ready', modelId: 'm', dims: 384 });
    await reportEmbedderProgress([{ file: 'onnx/model_quantized.onnx', loaded: 1, total: 2 }]);
    expect(await embedderStatus()).toMatchObject({ state: 'ready', loadedBytes: 0, totalBytes: 0 });
  });
});
