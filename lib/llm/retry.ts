import type { AsideError } from '../messaging/errors';
import { isRetryable, retryAfterMs } from './provider-errors';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

/**
 * How long to wait before attempt `attempt + 1`, or undefined to give up.
 * Honors the provider's Retry-After; otherwise exponential backoff with jitter.
 */
export function nextRetryDelay(
  error: AsideError,
  attempt: number,
  policy: RetryPolicy = defaultRetryPolicy,
): number | undefined {
  if (!isRetryable(error) || attempt >= policy.maxAttempts) return undefined;
  const asked = retryAfterMs(error);
  if (asked !== undefined) return Math.min(asked, policy.maxDelayMs);
  return backoffDelay(attempt, policy);
}

/** Exponential backoff with jitter before attempt `attempt + 1`, for callers that decide themselves what to retry. */
export function backoffDelay(attempt: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(exponential * (0.75 + Math.random() * 0.5), policy.maxDelayMs);
}

/** A sleep that ends early, with an AbortError, when the signal fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
