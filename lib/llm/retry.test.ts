import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { AsideError } from '../messaging/errors';
import { toProviderError } from './provider-errors';
import { nextRetryDelay, sleep } from './retry';

const apiError = (status: number, headers: Record<string, string> = {}) =>
  toProviderError(
    OpenAI.APIError.generate(status, { error: { message: `status ${status}` } }, undefined, new Headers(headers)),
  );

describe('provider errors', () => {
  it.each([
    [401, 'auth'],
    [404, 'model-not-found'],
    [429, 'rate-limit'],
    [500, 'server'],
    [503, 'server'],
    [400, 'bad-request'],
  ])('maps HTTP %i to %s with the provider message kept', (status, code) => {
    const error = apiError(status);
    expect(error.code).toBe(code);
    expect(error.detail).toBe(`status ${status}`);
  });

  it('reads a 403 from a localhost server as a refused Origin', () => {
    const error = toProviderError(OpenAI.APIError.generate(403, undefined, 'Forbidden', new Headers()), {
      local: true,
    });
    expect(error.code).toBe('local-origin-refused');
  });

  it('maps a connection failure to network', () => {
    expect(toProviderError(new OpenAI.APIConnectionError({ message: 'fetch failed' })).code).toBe('network');
  });
});

describe('nextRetryDelay', () => {
  it('honors retry-after-ms and retry-after from the provider', () => {
    expect(nextRetryDelay(apiError(429, { 'retry-after-ms': '120' }), 1)).toBe(120);
    expect(nextRetryDelay(apiError(429, { 'retry-after': '2' }), 1)).toBe(2000);
  });

  it('backs off exponentially and gives up after the last attempt', () => {
    const error = apiError(500);
    const first = nextRetryDelay(error, 1) ?? 0;
    const third = nextRetryDelay(error, 3) ?? 0;
    expect(first).toBeGreaterThanOrEqual(750);
    expect(third).toBeGreaterThan(first);
    expect(nextRetryDelay(error, 4)).toBeUndefined();
  });

  it('never retries errors a retry cannot fix', () => {
    expect(nextRetryDelay(apiError(401), 1)).toBeUndefined();
    expect(nextRetryDelay(new AsideError('stream-broken', 'x'), 1)).toBeUndefined();
  });

  it('sleep ends early when cancelled', async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    controller.abort();
    await expect(slept).rejects.toMatchObject({ name: 'AbortError' });
  });
});
