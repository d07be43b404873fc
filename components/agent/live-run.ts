import type { RunStatus } from '../../lib/agent/run-records';
import type { SerializedError } from '../../lib/messaging/errors';

/** What every live run (agent or team) has: whether it runs, and the prompts waiting for the user. */
export interface LiveRunBase {
  readonly running: boolean;
  readonly prompts: readonly { readonly promptId: string }[];
  readonly lost?: boolean;
  readonly error?: SerializedError;
}

/**
 * How a run that is not streaming here stands: as stored, unless its stream
 * knows better while the store still says running. A run whose worker died is
 * interrupted even before the next worker's sweep marks it so; one that ended
 * with an error its end could not be stored (a full disk) failed.
 */
export function endedHere(live: LiveRunBase | null, stored: RunStatus): RunStatus {
  if (stored !== 'running') return stored;
  if (live?.lost) return 'interrupted';
  return live?.error ? 'error' : stored;
}

/** The run after its stream closed without a terminal event (the service worker died). */
export function lostRun<L extends LiveRunBase>(run: L): L {
  return { ...run, running: false, prompts: [], lost: true };
}

/** Drops a prompt the user just answered. */
export function withoutPrompt<L extends LiveRunBase>(run: L, promptId: string): L {
  return { ...run, prompts: run.prompts.filter((prompt) => prompt.promptId !== promptId) };
}
