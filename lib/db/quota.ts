import { AsideError } from '../messaging/errors';

/** True for IndexedDB's "disk full" in all its spellings (Dexie wraps it, browsers name it differently). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown; cause?: unknown } | undefined; e; ) {
    if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * Runs a write and turns a full disk into a named error the user understands.
 * The write is one transaction, so a failure leaves what was there before intact.
 */
export async function writeOrExplainQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) {
      throw new AsideError('quota-exceeded', 'The browser storage is full.', { cause: error });
    }
    throw error;
  }
}
