import { portClosed } from '../messaging/streams';
import { type HeldRun, holdRun, joinRun } from './active-runs';
import { isWaiting } from './pending-prompts';

/** One side panel's end of a run's stream. */
export interface RunClient<E> {
  readonly emit: (event: E) => void;
  /** The user's Stop in that panel. */
  readonly signal: AbortSignal;
  /** Aborts when that panel goes away (closed, reloaded). */
  readonly detached: AbortSignal;
}

/** Events that wait for someone in the side panel to answer them. */
type PromptEvent = { type: 'ask' | 'consent' | 'script'; promptId: string };
const isPrompt = <E extends { type: string }>(event: E): event is E & PromptEvent =>
  event.type === 'ask' || event.type === 'consent' || event.type === 'script';

/**
 * A run's link to the side panels that follow it: the one that started it and
 * any that joined it since (a Resume of a run already going on). A run goes on
 * when its panels close: its steps and turns are stored as they happen, so a
 * panel opened later shows them. What it cannot do without a panel is ask: a
 * question, consent or sandboxed script with nobody there to answer ends the
 * run as interrupted (`portClosed`), to resume later, whether it was already
 * waiting when the last panel closed or comes after. Any panel's Stop stops it.
 */
export function followClients<E extends { type: string }>(first: RunClient<E>) {
  const run = new AbortController();
  const clients = new Set<RunClient<E>>();
  // What a panel that joins late is sent first: the run's id, and the prompts still waiting for an answer.
  let started: E | undefined;
  const prompts = new Map<string, E>();
  const add = (client: RunClient<E>) => {
    const stop = () => run.abort(client.signal.reason);
    if (client.signal.aborted) return stop();
    client.signal.addEventListener('abort', stop, { once: true });
    if (client.detached.aborted) return;
    clients.add(client);
    const leave = () => {
      clients.delete(client);
      if (clients.size === 0 && [...prompts.keys()].some(isWaiting)) run.abort(portClosed);
    };
    client.detached.addEventListener('abort', leave, { once: true });
  };
  add(first);
  return {
    /** Aborts on a user's Stop, and with `portClosed` when the run needs a panel and none is left. */
    signal: run.signal,
    /** Stops the run (the Stop of a panel that does not follow it). */
    stop: () => run.abort(),
    /** Another panel follows the run from now on, starting with what it needs to catch up. */
    join(client: RunClient<E>) {
      if (started) client.emit(started);
      for (const [promptId, event] of prompts) if (isWaiting(promptId)) client.emit(event);
      add(client);
    },
    /** Sends an event to every panel following the run; a prompt with no panel left interrupts it. */
    emit(event: E) {
      if (event.type === 'started') started = event;
      if (isPrompt(event)) {
        if (clients.size === 0) return run.abort(portClosed);
        for (const promptId of prompts.keys()) if (!isWaiting(promptId)) prompts.delete(promptId);
        prompts.set(event.promptId, event);
      }
      for (const client of clients) client.emit(event);
    },
  };
}

/** How a stream runs its agent or team run. */
export interface RunOpening<R, E> {
  readonly kind: HeldRun<RunClient<E>>['kind'];
  /** The run a Resume asks for; null for a new run. */
  readonly resumeId: string | null;
  /** Creates the run or reopens the stored one. */
  readonly open: () => Promise<R>;
  /** The event that tells every panel the run could not be opened. */
  readonly failed: (error: unknown) => E;
}

/**
 * Runs an agent or team run for a stream: linked to its panels by
 * `followClients`, registered (and the worker kept awake) while it goes on.
 * A Resume of a run already going on here joins it rather than starting a
 * second loop on the same record (two loops would interleave two transcripts
 * and ask twice); the claim is made before anything is awaited, so two
 * Resumes at the same moment make one loop.
 */
export async function runFollowingClient<R extends { id: string }, E extends { type: string }>(
  opening: RunOpening<R, E>,
  stream: RunClient<E>,
  body: (run: R, emit: (event: E) => void, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const { kind, resumeId } = opening;
  if (resumeId !== null && joinRun(resumeId, kind, stream)) return;
  const link = followClients(stream);
  const held: HeldRun<RunClient<E>> = { kind, stop: link.stop, join: link.join };
  let release = resumeId === null ? undefined : holdRun(resumeId, held);
  try {
    let run: R;
    try {
      run = await opening.open();
    } catch (error) {
      // Panels that joined while the run was opening are told too, not only the one that asked.
      return link.emit(opening.failed(error));
    }
    release ??= holdRun(run.id, held);
    await body(run, link.emit, link.signal);
  } finally {
    release?.();
  }
}
