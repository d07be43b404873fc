import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../db/database';
import { defaultEmbeddingSettings } from '../settings/embedding-settings';

const settings = (baseURL: string, rerankUrl = '') => ({
  ...defaultEmbeddingSettings,
  runOn: 'server' as const,
  server: { preset: 'custom', baseURL, model: 'm' },
  rerank: { enabled: true, url: rerankUrl, model: '' },
});

describe('embedding and rerank server keys', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    vi.resetModules();
  });

  it("are bound to the origin of the server's address and never sent elsewhere", async () => {
    const { embeddingSettingsItem } = await import('../settings/secure-settings');
    const { saveServerKey, serverKey, serverKeyOrigins } = await import('./server-keys');
    await embeddingSettingsItem.setValue(settings('http://gpu-box.lan:8000/v1', 'http://gpu-box.lan:8080/rerank'));
    await saveServerKey('embedding', 'sk-embed');
    await saveServerKey('rerank', 'sk-rerank');
    expect(await serverKey('embedding', 'http://gpu-box.lan:8000/v1')).toBe('sk-embed');
    expect(await serverKey('rerank', 'http://gpu-box.lan:8080/rerank')).toBe('sk-rerank');
    expect(await serverKeyOrigins()).toEqual({
      embedding: 'http://gpu-box.lan:8000',
      rerank: 'http://gpu-box.lan:8080',
    });
    // The address moved to another origin (a page cannot do that, but the user can): the key stays behind.
    for (const elsewhere of [
      'http://attacker.example:8000/v1',
      'https://gpu-box.lan:8000/v1',
      'http://gpu-box.lan:8001/v1',
    ]) {
      await expect(serverKey('embedding', elsewhere)).rejects.toMatchObject({ code: 'key-origin' });
    }
    await expect(serverKey('rerank', 'http://gpu-box.lan:8000/rerank')).rejects.toMatchObject({ code: 'key-origin' });
    // Keys are kept apart from each other and from provider keys, and are never in storage.local.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('needs an address before a key, and removes a key with null', async () => {
    const { embeddingSettingsItem } = await import('../settings/secure-settings');
    const { saveServerKey, serverKey } = await import('./server-keys');
    await expect(saveServerKey('embedding', 'sk')).rejects.toMatchObject({ code: 'invalid-message' });
    await embeddingSettingsItem.setValue(settings('http://127.0.0.1:11434/v1'));
    await saveServerKey('embedding', 'sk');
    await saveServerKey('embedding', null);
    expect(await serverKey('embedding', 'http://127.0.0.1:11434/v1')).toBeUndefined();
  });
});
