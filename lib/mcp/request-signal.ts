/**
 * Runs one MCP SDK request with a signal of its own that follows `signal`.
 * The SDK adds an `abort` listener to the signal of every request and never
 * removes it: on a run's signal, each tool call would leave one behind for the
 * whole run, and Stop would then "cancel" every call that had long finished.
 * The request's own signal dies with the request; the listener here is removed.
 */
export async function withRequestSignal<T>(signal: AbortSignal, request: (own: AbortSignal) => Promise<T>): Promise<T> {
  const own = new AbortController();
  const follow = () => own.abort(signal.reason);
  if (signal.aborted) follow();
  else signal.addEventListener('abort', follow, { once: true });
  try {
    return await request(own.signal);
  } finally {
    signal.removeEventListener('abort', follow);
  }
}
