import { AsideError } from '../messaging/errors';

/** True for IndexedDB's "disk full" in all its spellings (Dexie wraps it, browsers name it differently). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown; cause?: unknown } | undefined; e; ) {
    if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}

/** The error the app shows for a full disk ("no more room"), caused by `cause`. */
export function quotaExceeded(cause: unknown): AsideError {
  return new AsideError('quota-exceeded', 'The browser storage is full.', { cause });
}

/**
 * Runs a write and turns a full disk into a named error the user understands.
 * The write is one transaction, so a failure leaves what was there before intact.
 */
export async function writeOrExplainQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaError(error) ? quotaExceeded(error) : error;
  }
}
