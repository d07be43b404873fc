import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../db/database';

const deepseek = { id: 'p1', baseURL: 'https://api.deepseek.com/v1' };

describe('API keys', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    vi.resetModules();
  });

  it('are kept in IndexedDB, out of storage.local that content scripts can read', async () => {
    const { getApiKey, setApiKey } = await import('./api-keys');
    await setApiKey('p1', 'sk-one', deepseek.baseURL);
    expect(await getApiKey(deepseek)).toBe('sk-one');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await setApiKey('p1', null);
    expect(await getApiKey(deepseek)).toBeUndefined();
  });

  it('go only to the origin they were saved for', async () => {
    const { getApiKey, setApiKey } = await import('./api-keys');
    await setApiKey('p1', 'sk-one', deepseek.baseURL);
    // Another path on the same origin is the same server.
    expect(await getApiKey({ id: 'p1', baseURL: 'https://api.deepseek.com/beta' })).toBe('sk-one');
    for (const elsewhere of [
      'https://attacker.example/v1',
      'http://api.deepseek.com/v1',
      'https://api.deepseek.com:8443/v1',
    ]) {
      await expect(getApiKey({ id: 'p1', baseURL: elsewhere })).rejects.toMatchObject({ code: 'key-origin' });
    }
  });

  it('moves keys saved by an earlier version out of storage.local once, bound on first use', async () => {
    await fakeBrowser.storage.local.set({ apiKeys: { p1: 'sk-old', p2: 'sk-two' } });
    const { getApiKey } = await import('./api-keys');
    expect(await getApiKey(deepseek)).toBe('sk-old');
    expect(await getApiKey({ id: 'p2', baseURL: 'http://127.0.0.1:11434/v1' })).toBe('sk-two');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await expect(getApiKey({ id: 'p1', baseURL: 'https://attacker.example/' })).rejects.toMatchObject({
      code: 'key-origin',
    });
  });

  it('never takes a key a page writes into storage.local after the move', async () => {
    const { getApiKey } = await import('./api-keys');
    expect(await getApiKey(deepseek)).toBeUndefined();
    // What a content script can do: plant its own key, so the user's prompts are billed to (and logged by) its account.
    await fakeBrowser.storage.local.set({ apiKeys: { p1: 'sk-attacker' } });
    vi.resetModules();
    const fresh = await import('./api-keys');
    expect(await fresh.getApiKey(deepseek)).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
