import { AsideError, type ErrorCode } from '../messaging/errors';

/** Longest engine text kept in an error's detail. */
const maxDetail = 300;

/**
 * What an engine's HTTP failure means for the user, when its format does not
 * say more: a refused key (401/403 from an engine that takes one), a rate
 * limit (429), a server in trouble (5xx), or a request it did not accept.
 */
export function codeForStatus(status: number, keyed: boolean): ErrorCode {
  if (status === 429) return 'search-rate-limit';
  if ((status === 401 || status === 403) && keyed) return 'search-key-rejected';
  return 'search-failed';
}

/** An engine failure as an error that names the engine, with the engine's own words below it. */
export function engineError(
  code: ErrorCode,
  engine: string,
  options: { status?: number; detail?: string | undefined; retryAfterMs?: number; cause?: unknown } = {},
): EngineError {
  const detail = options.detail?.slice(0, maxDetail);
  return new EngineError(code, `${engine}: ${code}${detail ? ` (${detail})` : ''}`, {
    params: { engine },
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(detail ? { detail } : {}),
    ...(options.cause === undefined ? {} : { cause: options.cause }),
    ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
  });
}

/** An engine's failure; carries the wait the engine asked for, when it asked. */
export class EngineError extends AsideError {
  readonly retryAfterMs?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: ConstructorParameters<typeof AsideError>[2] & { retryAfterMs?: number },
  ) {
    super(code, message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Failures worth another try after a pause: rate limits and servers in trouble. */
export function isRetryableSearchError(error: AsideError): boolean {
  return error.code === 'search-rate-limit' || (error.code === 'search-failed' && (error.status ?? 0) >= 500);
}

/**
 * The wait an engine asked for: `Retry-After` (seconds or a date), or Brave's
 * `X-RateLimit-Reset` (seconds until each window resets, the shortest first).
 */
export function retryAfterFromHeaders(headers: Headers): number | undefined {
  const after = headers.get('retry-after');
  if (after !== null) {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const reset = headers.get('x-ratelimit-reset')?.split(',')[0]?.trim();
  const seconds = reset === undefined ? Number.NaN : Number(reset);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined;
}
