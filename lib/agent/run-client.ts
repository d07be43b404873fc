import { portClosed } from '../messaging/streams';
import { holdRun } from './active-runs';
import { isWaiting } from './pending-prompts';

/** Events that wait for someone in the side panel to answer them. */
type PromptEvent = { type: 'ask' | 'consent' | 'script'; promptId: string };
const isPrompt = (event: { type: string }): event is PromptEvent =>
  event.type === 'ask' || event.type === 'consent' || event.type === 'script';

/**
 * A run's link to the side panel that started it. A run goes on when the
 * panel closes: its steps and turns are stored as they happen, so a panel
 * opened later shows them. What it cannot do without a panel is ask: a
 * question, consent or sandboxed script with nobody there to answer ends the
 * run as interrupted (`portClosed`), to resume later, whether it was already
 * waiting when the panel closed or comes after.
 */
export function followClient(signal: AbortSignal, detached: AbortSignal) {
  const run = new AbortController();
  const stopWith = () => run.abort(signal.reason);
  if (signal.aborted) stopWith();
  else signal.addEventListener('abort', stopWith, { once: true });
  const prompts = new Set<string>();
  detached.addEventListener(
    'abort',
    () => {
      if ([...prompts].some(isWaiting)) run.abort(portClosed);
    },
    { once: true },
  );
  return {
    /** Aborts on the user's stop, and with `portClosed` when the run needs a panel that is gone. */
    signal: run.signal,
    /** Stops the run (the Stop of a panel that did not start it). */
    stop: () => run.abort(),
    /** The stream's emit, noting prompts, and interrupting the run when one has no panel to go to. */
    emit<E extends { type: string }>(emit: (event: E) => void): (event: E) => void {
      return (event) => {
        if (isPrompt(event)) {
          if (detached.aborted) return run.abort(portClosed);
          prompts.add(event.promptId);
        }
        emit(event);
      };
    },
  };
}

/**
 * Runs an agent or team run for a stream: linked to its panel by
 * `followClient`, registered (and the worker kept awake) while it goes on.
 */
export async function runFollowingClient<E extends { type: string }>(
  runId: string,
  stream: { emit: (event: E) => void; signal: AbortSignal; detached: AbortSignal },
  body: (emit: (event: E) => void, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const client = followClient(stream.signal, stream.detached);
  const release = holdRun(runId, client.stop);
  try {
    await body(client.emit(stream.emit), client.signal);
  } finally {
    release();
  }
}
