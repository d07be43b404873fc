/**
 * The index's writes (vector-index.ts) and the keyword snapshot's saves
 * (lexical-snapshot.ts) run one at a time, so the in-memory caches see them in
 * commit order and a snapshot is taken between writes, never during one.
 */
let queue: Promise<unknown> = Promise.resolve();

/** Runs `write` after every write queued before it; its result or error is the caller's. */
export function serialized<T>(write: () => Promise<T>): Promise<T> {
  const run = queue.then(write, write);
  queue = run.catch(() => undefined);
  return run;
}
