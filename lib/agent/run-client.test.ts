import { describe, expect, it } from 'vitest';
import { portClosed } from '../messaging/streams';
import { answerPrompt, waitForAnswer } from './pending-prompts';
import { followClients, type RunClient } from './run-client';

type Event = { type: string; promptId?: string };
const ask = (promptId: string) => ({ type: 'ask' as const, promptId, question: 'Which?', choices: [] });

/** A side panel's stream: what it received, its Stop and its closing. */
function panel(): RunClient<Event> & { sent: Event[]; stop(): void; close(): void } {
  const stream = new AbortController();
  const page = new AbortController();
  const sent: Event[] = [];
  return {
    sent,
    emit: (event) => sent.push(event),
    signal: stream.signal,
    detached: page.signal,
    stop: () => stream.abort(),
    close: () => page.abort(portClosed),
  };
}

describe('a run after its side panel closes', () => {
  it('goes on while it needs nobody, and passes events on while the panel is there', () => {
    const own = panel();
    const run = followClients(own);
    run.emit({ type: 'delta' });
    own.close();
    expect(run.signal.aborted).toBe(false);
    run.emit({ type: 'delta' });
    expect(own.sent).toHaveLength(1);
  });

  it('is interrupted when it asks with no panel to answer', () => {
    const own = panel();
    const run = followClients(own);
    own.close();
    run.emit(ask('p1'));
    expect(run.signal.reason).toBe(portClosed);
  });

  it('is interrupted when the panel closes while a question waits, not when an answered one did', async () => {
    const own = panel();
    const run = followClients(own);
    run.emit(ask('answered'));
    const first = waitForAnswer('answered', run.signal);
    answerPrompt('answered', { kind: 'ask', text: 'Paris' });
    await first;
    run.emit(ask('open'));
    const second = waitForAnswer('open', run.signal);
    own.close();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    expect(run.signal.reason).toBe(portClosed);
  });

  it('stops on the user’s Stop, from its own panel or another one', () => {
    const own = panel();
    const run = followClients(own);
    own.stop();
    expect(run.signal.aborted).toBe(true);
    expect(run.signal.reason).not.toBe(portClosed);
    const other = followClients(panel());
    other.stop();
    expect(other.signal.aborted).toBe(true);
    expect(other.signal.reason).not.toBe(portClosed);
  });
});

describe('a run followed by several panels', () => {
  it('catches a joining panel up (its id, the questions waiting) and sends it everything after', async () => {
    const [first, second] = [panel(), panel()];
    const run = followClients(first);
    run.emit({ type: 'started' });
    run.emit({ type: 'delta' });
    run.emit(ask('answered'));
    const answered = waitForAnswer('answered', run.signal);
    answerPrompt('answered', { kind: 'ask', text: 'yes' });
    await answered;
    run.emit(ask('open'));
    void waitForAnswer('open', run.signal).catch(() => {});
    run.join(second);
    run.emit({ type: 'final' });
    expect(second.sent.map((event) => event.promptId ?? event.type)).toEqual(['started', 'open', 'final']);
    expect(first.sent.map((event) => event.promptId ?? event.type)).toEqual([
      'started',
      'delta',
      'answered',
      'open',
      'final',
    ]);
    first.stop();
  });

  it('is interrupted for a waiting question only when the last panel closes; any panel’s Stop stops it', async () => {
    const [first, second] = [panel(), panel()];
    const run = followClients(first);
    run.join(second);
    run.emit(ask('q'));
    const waiting = waitForAnswer('q', run.signal);
    first.close();
    expect(run.signal.aborted).toBe(false);
    second.close();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    expect(run.signal.reason).toBe(portClosed);

    const [a, b] = [panel(), panel()];
    const other = followClients(a);
    other.join(b);
    b.stop();
    expect(other.signal.aborted).toBe(true);
    expect(other.signal.reason).not.toBe(portClosed);
  });
});
