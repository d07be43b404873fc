import { isQuotaError, quotaExceeded } from '../db/quota';
import type { AsideError } from '../messaging/errors';

/**
 * Writes to IndexedDB in order, off the loop's critical path: the next model
 * request does not wait for the previous step to be stored (that wait was most
 * of the loop's per-step overhead). `flush` waits for everything queued.
 *
 * A full disk is not swallowed: a run that goes on while none of its steps
 * are stored loses them all. The first quota error is kept (as the app's
 * `quota-exceeded` error), nothing more is written, `onQuota` is told (to stop
 * the run at once) and `flush` fails with it. Other failures, a step of a run
 * deleted meanwhile say, are logged and the queue goes on.
 */
export function createWriteQueue(onQuota: (error: AsideError) => void = () => {}, label = 'agent') {
  let tail: Promise<void> = Promise.resolve();
  let full: AsideError | null = null;
  return {
    push(write: () => Promise<unknown>): Promise<void> {
      tail = tail.then(async () => {
        if (full) return;
        try {
          await write();
        } catch (error) {
          if (!isQuotaError(error)) return console.warn(`[aside] ${label} write failed`, error);
          full = quotaExceeded(error);
          onQuota(full);
        }
      });
      return Promise.resolve();
    },
    /** Waits for every queued write; fails with the quota error if the disk filled. */
    async flush(): Promise<void> {
      await tail;
      if (full) throw full;
    },
    /** The quota error that stopped the writes, if any. */
    failure(): AsideError | null {
      return full;
    },
  };
}
