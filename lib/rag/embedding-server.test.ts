import { describe, expect, it } from 'vitest';
import { defaultEmbeddingSettings } from '../settings/embedding-settings';
import { activeEmbeddingModel, modelName, parseRemoteModelId, remoteModelId } from './embedding-server';

describe('embedding server model ids', () => {
  it('round-trips the endpoint, the model and the dimensions', () => {
    const server = { baseURL: 'http://127.0.0.1:11434/v1/', model: 'BAAI/bge-m3', dimensions: 256 };
    const id = remoteModelId(server);
    expect(parseRemoteModelId(id)).toEqual({
      baseURL: 'http://127.0.0.1:11434/v1',
      model: 'BAAI/bge-m3',
      dimensions: 256,
    });
    expect(modelName(id)).toBe('BAAI/bge-m3');
    expect(parseRemoteModelId('Xenova/multilingual-e5-small')).toBeNull();
  });

  it('changes with the server or the model, so either change re-embeds the library', () => {
    const a = remoteModelId({ baseURL: 'http://a/v1', model: 'm' });
    expect(remoteModelId({ baseURL: 'http://b/v1', model: 'm' })).not.toBe(a);
    expect(remoteModelId({ baseURL: 'http://a/v1', model: 'n' })).not.toBe(a);
  });

  it('uses the in-browser model until a server is chosen and filled in', () => {
    const browser = defaultEmbeddingSettings;
    expect(activeEmbeddingModel(browser)).toBe(browser.modelId);
    const half = { ...browser, runOn: 'server' as const, server: { preset: 'custom', baseURL: '', model: 'm' } };
    expect(activeEmbeddingModel(half)).toBe(browser.modelId);
    const full = { ...half, server: { preset: 'ollama', baseURL: 'http://127.0.0.1:11434/v1', model: 'bge-m3' } };
    expect(activeEmbeddingModel(full)).toBe('remote:http://127.0.0.1:11434/v1#bge-m3');
  });
});
