import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RERANK_MODEL,
  defaultEmbeddingSettings,
  embeddingSettingsSchema,
  rerankIsOn,
  rerankModelId,
  rerankRunsOn,
} from './embedding-settings';

describe('rerank settings', () => {
  it('reads a value stored before in-browser reranking as the /rerank server it was', () => {
    const stored = {
      ...defaultEmbeddingSettings,
      rerank: { enabled: true, url: 'http://127.0.0.1:8080/rerank', model: 'bge' },
    };
    const parsed = embeddingSettingsSchema.parse(stored);
    expect(parsed.rerank).toEqual(stored.rerank);
    expect(rerankRunsOn(parsed.rerank!)).toBe('server');
    expect(rerankIsOn(parsed.rerank)).toBe(true);
  });

  it('is off unless enabled, and a server without an address is off', () => {
    expect(rerankIsOn(undefined)).toBe(false);
    expect(rerankIsOn({ enabled: false, runOn: 'browser', url: '', model: '' })).toBe(false);
    expect(rerankIsOn({ enabled: true, runOn: 'server', url: ' ', model: '' })).toBe(false);
    expect(rerankIsOn({ enabled: true, runOn: 'browser', url: '', model: '' })).toBe(true);
  });

  it('uses the default cross-encoder when the model field is empty', () => {
    expect(rerankModelId({ enabled: true, runOn: 'browser', url: '', model: '' })).toBe(DEFAULT_RERANK_MODEL);
    expect(rerankModelId({ enabled: true, runOn: 'browser', modelId: ' ', url: '', model: '' })).toBe(
      DEFAULT_RERANK_MODEL,
    );
    expect(rerankModelId({ enabled: true, runOn: 'browser', modelId: 'me/xenc', url: '', model: '' })).toBe('me/xenc');
  });

  it('refuses a place to run it that does not exist', () => {
    const rerank = { enabled: true, runOn: 'gpu-cloud', url: '', model: '' };
    expect(embeddingSettingsSchema.safeParse({ ...defaultEmbeddingSettings, rerank }).success).toBe(false);
  });
});
