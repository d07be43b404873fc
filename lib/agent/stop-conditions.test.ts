import { describe, expect, it } from 'vitest';
import { aborted, failureCap, type LoopState, noMoreToolCalls, shouldStop, stepCount } from './stop-conditions';

const state = (changes: Partial<LoopState> = {}): LoopState => ({
  steps: 1,
  lastToolCalls: 1,
  consecutiveFailures: 0,
  aborted: false,
  ...changes,
});

describe('stop conditions', () => {
  it('each predicate fires on its own condition only', () => {
    expect(stepCount(3)(state({ steps: 2 }))).toBeNull();
    expect(stepCount(3)(state({ steps: 3 }))).toBe('step-limit');
    expect(noMoreToolCalls(state())).toBeNull();
    expect(noMoreToolCalls(state({ lastToolCalls: 0 }))).toBe('done');
    expect(aborted(state())).toBeNull();
    expect(aborted(state({ aborted: true }))).toBe('cancelled');
    expect(failureCap(2)(state({ consecutiveFailures: 1 }))).toBeNull();
    expect(failureCap(2)(state({ consecutiveFailures: 2 }))).toBe('too-many-failures');
  });

  it('composes in order: the first reason wins, none means go on', () => {
    const conditions = [aborted, noMoreToolCalls, stepCount(5), failureCap(3)];
    expect(shouldStop(conditions, state())).toBeNull();
    expect(shouldStop(conditions, state({ aborted: true, lastToolCalls: 0 }))).toBe('cancelled');
    expect(shouldStop(conditions, state({ steps: 5, lastToolCalls: 0 }))).toBe('done');
    expect(shouldStop(conditions, state({ steps: 5, consecutiveFailures: 3 }))).toBe('step-limit');
  });
});
