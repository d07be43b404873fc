import type { SerializedError } from '../messaging/errors';
import type { AgentRunRecord } from './run-records';

/** The events agent and team streams share to say how a run ended. */
export type EndedRunEvent =
  | { type: 'started'; runId: string }
  | { type: 'final'; text: string; reason: string }
  | { type: 'stopped' }
  | { type: 'error'; error: SerializedError; partial: boolean };

/** Whether a stored run has ended (a Resume of it only shows how). */
export function hasEnded(run: AgentRunRecord): boolean {
  return run.status === 'done' || run.status === 'stopped' || run.status === 'error';
}

/**
 * What a panel whose Resume came after the run ended is told: the run's id,
 * then its end as stored, the events it would have seen live.
 */
export function endedRunEvents(run: AgentRunRecord): EndedRunEvent[] {
  const started = { type: 'started', runId: run.id } as const;
  if (run.status === 'done')
    return [started, { type: 'final', text: run.final ?? '', reason: run.stopReason ?? 'done' }];
  if (run.status === 'error' && run.error) return [started, { type: 'error', error: run.error, partial: false }];
  return [started, { type: 'stopped' }];
}
