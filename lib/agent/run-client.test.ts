import { describe, expect, it } from 'vitest';
import { portClosed } from '../messaging/streams';
import { answerPrompt, waitForAnswer } from './pending-prompts';
import { followClient } from './run-client';

const ask = (promptId: string) => ({ type: 'ask' as const, promptId, question: 'Which?', choices: [] });

describe('a run after its side panel closes', () => {
  it('goes on while it needs nobody, and passes events on while the panel is there', () => {
    const stream = new AbortController();
    const panel = new AbortController();
    const client = followClient(stream.signal, panel.signal);
    const sent: unknown[] = [];
    const emit = client.emit((event: { type: string }) => sent.push(event));
    emit({ type: 'delta' });
    panel.abort(portClosed);
    expect(client.signal.aborted).toBe(false);
    emit({ type: 'delta' });
    expect(sent).toHaveLength(2);
  });

  it('is interrupted when it asks with no panel to answer', () => {
    const panel = new AbortController();
    const client = followClient(new AbortController().signal, panel.signal);
    const emit = client.emit(() => {});
    panel.abort(portClosed);
    emit(ask('p1'));
    expect(client.signal.reason).toBe(portClosed);
  });

  it('is interrupted when the panel closes while a question waits, not when an answered one did', async () => {
    const panel = new AbortController();
    const client = followClient(new AbortController().signal, panel.signal);
    const emit = client.emit(() => {});
    emit(ask('answered'));
    const first = waitForAnswer('answered', client.signal);
    answerPrompt('answered', { kind: 'ask', text: 'Paris' });
    await first;
    emit(ask('open'));
    const second = waitForAnswer('open', client.signal);
    panel.abort(portClosed);
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    expect(client.signal.reason).toBe(portClosed);
  });

  it('stops on the user’s Stop, from its own panel or another one', () => {
    const stream = new AbortController();
    const own = followClient(stream.signal, new AbortController().signal);
    stream.abort();
    expect(own.signal.aborted).toBe(true);
    expect(own.signal.reason).not.toBe(portClosed);
    const other = followClient(new AbortController().signal, new AbortController().signal);
    other.stop();
    expect(other.signal.aborted).toBe(true);
    expect(other.signal.reason).not.toBe(portClosed);
  });
});
