import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { providePageTools } from '../page-tools-slot';
import { loadPageTools } from './load-page-tools';

describe('loadPageTools', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    providePageTools(undefined);
  });

  it('fails an injection that never answers, and the next request asks again instead of waiting on it', async () => {
    vi.useFakeTimers();
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(() => new Promise(() => undefined));
    const first = loadPageTools();
    const failed = expect(first).rejects.toThrow('did not load in time');
    await vi.advanceTimersByTimeAsync(10_000);
    await failed;

    send.mockImplementation(async () => {
      providePageTools(async () => ({ ok: true, value: {} }));
      return { ok: true, value: {} };
    });
    await expect(loadPageTools()).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(2);
    // Loaded: no third injection.
    await loadPageTools();
    expect(send).toHaveBeenCalledTimes(2);
  });
});
