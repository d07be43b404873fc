import { browser } from 'wxt/browser';

/** A run going on in this service worker, as other side panels reach it. */
export interface HeldRun<C> {
  /** Agent or team: a panel joins only a run of the kind it asked to resume. */
  readonly kind: 'agent' | 'team';
  /** Stops the run (the Stop of a panel that did not start it). */
  stop(): void;
  /** Another panel's stream follows the run from now on. */
  join(client: C): void;
}

const runs = new Map<string, HeldRun<never>>();
let keepAwake: ReturnType<typeof setInterval> | undefined;

/**
 * Registers a run going on in this service worker, so a side panel that did
 * not start it can stop it or join it, and keeps the worker awake meanwhile:
 * Chrome stops an extension's worker after 30 s without extension events, and
 * a run whose panel closed receives none while it waits for its provider.
 * Synchronous, so a Resume claims its run before any other can. Returns the
 * function that unregisters it.
 */
export function holdRun<C>(runId: string, run: HeldRun<C>): () => void {
  runs.set(runId, run as HeldRun<never>);
  // Any extension API call resets the idle timer.
  keepAwake ??= setInterval(() => void browser.runtime.getPlatformInfo().catch(() => {}), 20_000);
  return () => {
    if (runs.get(runId) === run) runs.delete(runId);
    if (runs.size === 0 && keepAwake !== undefined) {
      clearInterval(keepAwake);
      keepAwake = undefined;
    }
  };
}

/** Stops a run going on here; false when it is not running in this worker. */
export function stopRun(runId: string): boolean {
  const run = runs.get(runId);
  run?.stop();
  return run !== undefined;
}

/** Makes `client` follow a run of this kind going on here; false when there is none. */
export function joinRun<C>(runId: string, kind: HeldRun<C>['kind'], client: C): boolean {
  const run = runs.get(runId) as HeldRun<C> | undefined;
  if (run?.kind !== kind) return false;
  run.join(client);
  return true;
}
