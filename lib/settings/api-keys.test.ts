import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../db/database';

describe('API keys', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    vi.resetModules();
  });

  it('are kept in IndexedDB, out of storage.local that content scripts can read', async () => {
    const { getApiKey, setApiKey } = await import('./api-keys');
    await setApiKey('p1', 'sk-one');
    expect(await getApiKey('p1')).toBe('sk-one');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await setApiKey('p1', null);
    expect(await getApiKey('p1')).toBeUndefined();
  });

  it('moves keys saved by an earlier version out of storage.local', async () => {
    await fakeBrowser.storage.local.set({ apiKeys: { p1: 'sk-old', p2: 'sk-two' } });
    const { getApiKey } = await import('./api-keys');
    expect(await getApiKey('p1')).toBe('sk-old');
    expect(await getApiKey('p2')).toBe('sk-two');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
