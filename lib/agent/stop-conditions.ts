/** What the loop knows after each step, for the stop conditions to look at. */
export interface LoopState {
  /** Model requests made so far. */
  readonly steps: number;
  /** Tool calls in the last model response. */
  readonly lastToolCalls: number;
  /** Tool calls that failed in a row, across steps (a success resets it). */
  readonly consecutiveFailures: number;
  readonly aborted: boolean;
}

export type StopReason = 'done' | 'step-limit' | 'cancelled' | 'too-many-failures';

/** A small predicate: the reason to stop now, or null to go on. */
export type StopCondition = (state: LoopState) => StopReason | null;

export const stepCount =
  (max: number): StopCondition =>
  (state) =>
    state.steps >= max ? 'step-limit' : null;

export const noMoreToolCalls: StopCondition = (state) => (state.lastToolCalls === 0 ? 'done' : null);

export const aborted: StopCondition = (state) => (state.aborted ? 'cancelled' : null);

export const failureCap =
  (max: number): StopCondition =>
  (state) =>
    state.consecutiveFailures >= max ? 'too-many-failures' : null;

/** The first reason any condition gives, in order; cancellation is listed first by callers. */
export function shouldStop(conditions: readonly StopCondition[], state: LoopState): StopReason | null {
  for (const condition of conditions) {
    const reason = condition(state);
    if (reason) return reason;
  }
  return null;
}
