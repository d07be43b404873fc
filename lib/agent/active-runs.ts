import { browser } from 'wxt/browser';

const stops = new Map<string, () => void>();
let keepAwake: ReturnType<typeof setInterval> | undefined;

/**
 * Registers a run going on in this service worker, so a side panel that did
 * not start it can stop it, and keeps the worker awake meanwhile: Chrome stops
 * an extension's worker after 30 s without extension events, and a run whose
 * panel closed receives none while it waits for its provider. Returns the
 * function that unregisters it.
 */
export function holdRun(runId: string, stop: () => void): () => void {
  stops.set(runId, stop);
  // Any extension API call resets the idle timer.
  keepAwake ??= setInterval(() => void browser.runtime.getPlatformInfo().catch(() => {}), 20_000);
  return () => {
    stops.delete(runId);
    if (stops.size === 0 && keepAwake !== undefined) {
      clearInterval(keepAwake);
      keepAwake = undefined;
    }
  };
}

/** Stops a run going on here; false when it is not running in this worker. */
export function stopRun(runId: string): boolean {
  const stop = stops.get(runId);
  stop?.();
  return stop !== undefined;
}
