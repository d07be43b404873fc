import { backoffDelay, defaultRetryPolicy, sleep } from '../llm/retry';
import { AsideError } from '../messaging/errors';
import { readLimited } from '../web/read-limited';
import type { ChosenEngine } from './chosen-engine';
import {
  codeForStatus,
  EngineError,
  engineError,
  isRetryableSearchError,
  retryAfterFromHeaders,
} from './engine-errors';
import { engineFormats } from './engine-formats';
import type { EngineQuery } from './formats/engine-format';
import { searchKey } from './search-keys';
import type { SearchResult } from './search-result';

/** An engine that does not answer within this long is treated as down. */
const engineTimeoutMs = 15_000;
/** Bytes of an engine's answer read at most. */
const maxBodyBytes = 5_000_000;

/** A wait before the next try, for the panel's countdown. */
export interface SearchRetry {
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly delayMs: number;
  readonly error: AsideError;
}

type ApiEngine = Extract<ChosenEngine, { kind: 'api' }>;

/**
 * Sends one query to an API engine, in its documented format, and reads its
 * results. The query goes to the engine's endpoint only: no cookies, and a
 * redirect is not followed (it could carry the query to another host).
 * Rate limits and server errors are tried again with backoff (the engine's
 * Retry-After when it gives one), telling `onRetry` so the panel can count down.
 */
export async function queryApiEngine(
  engine: ApiEngine,
  query: string,
  count: number,
  signal: AbortSignal,
  onRetry: (retry: SearchRetry) => void = () => {},
): Promise<SearchResult[]> {
  const key = engine.needsKey ? await searchKey(engine.id, engine.endpoint) : undefined;
  if (engine.needsKey && !key) {
    throw new AsideError('search-key-missing', `${engine.name} needs an API key.`, { params: { engine: engine.name } });
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await queryOnce(engine, { query, endpoint: engine.endpoint, key, count, cx: engine.cx }, signal);
    } catch (thrown) {
      if (signal.aborted) throw new AsideError('cancelled', 'Stopped.');
      const error = AsideError.from(thrown);
      if (!isRetryableSearchError(error) || attempt >= defaultRetryPolicy.maxAttempts) throw error;
      const asked = error instanceof EngineError ? error.retryAfterMs : undefined;
      const delayMs = Math.min(asked ?? backoffDelay(attempt), defaultRetryPolicy.maxDelayMs);
      onRetry({ attempt: attempt + 1, maxAttempts: defaultRetryPolicy.maxAttempts, delayMs, error });
      await sleep(delayMs, signal).catch(() => {
        throw new AsideError('cancelled', 'Stopped.');
      });
    }
  }
}

async function queryOnce(engine: ApiEngine, query: EngineQuery, signal: AbortSignal): Promise<SearchResult[]> {
  const format = engineFormats[engine.id];
  const request = format.request(query);
  let response: Response;
  try {
    response = await fetch(request.url, {
      ...request.init,
      credentials: 'omit',
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(engineTimeoutMs)]),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw engineError('search-unreachable', engine.name, {
      detail: timedOut ? `No answer within ${engineTimeoutMs / 1000} s` : String(error),
      cause: error,
    });
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw engineError('search-failed', engine.name, { detail: 'The engine redirected the search elsewhere.' });
  }
  const { text } = await readLimited(response, maxBodyBytes);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: judged by its status below, or as an unreadable answer.
  }
  const status = response.ok ? (format.bodyStatus?.(body) ?? response.status) : response.status;
  if (status < 200 || status >= 300) {
    const code = format.classify?.(status, body) ?? codeForStatus(status, engine.needsKey);
    const retryAfterMs = retryAfterFromHeaders(response.headers);
    throw engineError(code, engine.name, {
      status,
      detail: format.errorText?.(body) ?? text.slice(0, 200),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (body === null) throw engineError('search-failed', engine.name, { detail: 'The answer is not JSON.' });
  try {
    return format.results(body);
  } catch (error) {
    throw engineError('search-failed', engine.name, {
      detail: 'The answer is not in the documented format.',
      cause: error,
    });
  }
}
