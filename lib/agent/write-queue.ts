/**
 * Writes to IndexedDB in order, off the loop's critical path: the next model
 * request does not wait for the previous step to be stored (that wait was most
 * of the loop's per-step overhead). `flush` waits for everything queued.
 */
export function createWriteQueue(
  onError: (error: unknown) => void = (error) => console.warn('[aside] agent write failed', error),
) {
  let tail: Promise<void> = Promise.resolve();
  return {
    push(write: () => Promise<unknown>): Promise<void> {
      tail = tail.then(write).then(
        () => {},
        (error: unknown) => onError(error),
      );
      return Promise.resolve();
    },
    flush(): Promise<void> {
      return tail;
    },
  };
}
