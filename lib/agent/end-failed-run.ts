import { AsideError, type SerializedError } from '../messaging/errors';
import { portClosed } from '../messaging/streams';
import { endRun } from './run-store';

type FailureEvent = { type: 'stopped' } | { type: 'error'; error: SerializedError; partial: boolean };

/**
 * Ends an agent or team run that threw. The panel going away (closed while a
 * question waited, say) leaves it interrupted and resumable; the user's Stop
 * leaves it stopped; anything else is stored and shown as the run's error.
 */
export async function endFailedRun(
  runId: string,
  thrown: unknown,
  signal: AbortSignal,
  emit: (event: FailureEvent) => void,
  partial = false,
): Promise<void> {
  const error = signal.aborted ? new AsideError('cancelled', 'Stopped.') : AsideError.from(thrown);
  const interrupted = error.code === 'cancelled' && signal.reason === portClosed;
  try {
    if (interrupted) await endRun(runId, 'interrupted', { stopReason: 'panel-closed' });
    else if (error.code === 'cancelled') await endRun(runId, 'stopped', { stopReason: 'cancelled' });
    else await endRun(runId, 'error', { error: error.toJSON() });
  } catch (storing) {
    // A full disk can refuse this write too: the panel is still told how the run ended.
    console.warn('[aside] could not store how the run ended', storing);
  }
  if (interrupted) return;
  emit(error.code === 'cancelled' ? { type: 'stopped' } : { type: 'error', error: error.toJSON(), partial });
}
