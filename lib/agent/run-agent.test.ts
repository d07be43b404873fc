import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type OpenAIServer, startOpenAIServer, text, toolCalls } from '../../tests/support/openai-server';
import { db } from '../db/database';
import { portClosed } from '../messaging/streams';
import { resolveProfile, saveProfile } from '../settings/profiles';
import type { AgentEvent, AgentStart } from './agent-stream-protocol';
import { answerPrompt } from './pending-prompts';
import { runAgent } from './run-agent';
import { createRun, endRun } from './run-store';

let server: OpenAIServer;

async function run(start: AgentStart, signal = new AbortController().signal) {
  const events: AgentEvent[] = [];
  await runAgent(start, (event) => events.push(event), signal);
  const started = events.find((event) => event.type === 'started');
  return { events, runId: started?.type === 'started' ? started.runId : '' };
}

const goal = (text: string): AgentStart => ({ kind: 'start', goal: text, tabId: null });
/** A run cut by a restart, as the panel lists it with Resume. */
async function interruptedRun(text: string): Promise<string> {
  const profile = await resolveProfile();
  const run = await createRun({ goal: text, profileId: profile.id, model: profile.model, tabId: null });
  await endRun(run.id, 'interrupted', { stopReason: 'panel-closed' });
  return run.id;
}

/** One side panel's stream of a run: what it received, its Stop and its closing. */
function panel() {
  const events: AgentEvent[] = [];
  const stop = new AbortController();
  const close = new AbortController();
  return {
    events,
    stop: () => stop.abort(),
    close: () => close.abort(portClosed),
    open: (start: AgentStart) => runAgent(start, (event) => events.push(event), stop.signal, undefined, close.signal),
    until: async (type: AgentEvent['type']) => {
      while (!events.some((event) => event.type === type)) await new Promise((resolve) => setTimeout(resolve, 5));
      return events.find((event) => event.type === type) as AgentEvent;
    },
  };
}

let requestsBefore = 0;
/** Chat completion requests made in this test. */
const chatRequests = () =>
  server.requests.slice(requestsBefore).filter((request) => request.path === '/v1/chat/completions').length;

describe('agent runs', () => {
  beforeAll(async () => {
    server = await startOpenAIServer({ apiKey: 'sk-agent' });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    server.setFallback(text('Done.'));
    requestsBefore = server.requests.length;
    await saveProfile(
      { name: 'Unit', presetId: 'custom', baseURL: server.url, model: 'test-model', models: [] },
      'sk-agent',
    );
  });

  it('ends with the quota message when the disk fills while the run stores its steps', async () => {
    // A model that would call tools until the step limit.
    server.setFallback(toolCalls([{ name: 'get_datetime', arguments: '{}' }]));
    const full = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    const creating = db().runSteps.hook('creating');
    creating.subscribe(full);
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run(goal('Tell me the time, many times'));
    } finally {
      creating.unsubscribe(full);
    }
    const { events, runId } = result;
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'quota-exceeded' } });
    expect(events.some((event) => event.type === 'final')).toBe(false);
    // It stopped at the first step it could not store, not at the step limit.
    expect(chatRequests()).toBeLessThan(4);
    expect(await db().runs.get(runId)).toMatchObject({ status: 'error', error: { code: 'quota-exceeded' } });
  });

  it('a second Resume of a run already going on joins it: one loop, both panels follow it to its end', async () => {
    const runId = await interruptedRun('Resume me twice');
    server.enqueue(text('Resumed once.', { delayMs: 10, chunkSize: 2 }));
    server.setFallback(text('A second loop answered.'));
    const [a, b] = [panel(), panel()];
    await Promise.all([a.open({ kind: 'resume', runId }), b.open({ kind: 'resume', runId })]);
    await Promise.all([a.until('final'), b.until('final')]);
    expect(chatRequests()).toBe(1);
    expect(b.events[0]).toEqual({ type: 'started', runId });
    for (const each of [a, b]) expect(each.events.at(-1)).toMatchObject({ type: 'final', text: 'Resumed once.' });
    expect(await db().runs.get(runId)).toMatchObject({ status: 'done', final: 'Resumed once.' });
  });

  it('a panel that joins sees the question the run waits for, can answer it, and keeps the run when the first closes', async () => {
    const runId = await interruptedRun('Ask me');
    server.enqueue(toolCalls([{ name: 'ask_user', arguments: '{"question":"Which city?"}' }]), text('Paris it is.'));
    const [a, b] = [panel(), panel()];
    const running = a.open({ kind: 'resume', runId });
    const asked = await a.until('ask');
    void b.open({ kind: 'resume', runId });
    await b.until('ask');
    expect(b.events.map((event) => event.type)).toEqual(['started', 'ask']);
    // The first panel goes away: the run still has a panel to ask, so it is not interrupted.
    a.close();
    expect(asked.type === 'ask' && answerPrompt(asked.promptId, { kind: 'ask', text: 'Paris' })).toBe(true);
    expect(await b.until('final')).toMatchObject({ text: 'Paris it is.' });
    await running;
    expect(chatRequests()).toBe(2);
  });

  it('Stop in the panel that joined stops the run for both', async () => {
    const runId = await interruptedRun('Stop me');
    server.enqueue(text('slow '.repeat(400), { delayMs: 10, chunkSize: 4 }));
    const [a, b] = [panel(), panel()];
    void a.open({ kind: 'resume', runId });
    await a.until('delta');
    void b.open({ kind: 'resume', runId });
    await b.until('started');
    b.stop();
    await Promise.all([a.until('stopped'), b.until('stopped')]);
    expect((await db().runs.get(runId))?.status).toBe('stopped');
  });

  it('a Resume that comes after the run ended shows how it ended and starts nothing', async () => {
    const runId = await interruptedRun('Already done');
    server.enqueue(text('Done the first time.'));
    const a = panel();
    await a.open({ kind: 'resume', runId });
    await a.until('final');
    const late = panel();
    await late.open({ kind: 'resume', runId });
    expect(late.events).toEqual([
      { type: 'started', runId },
      { type: 'final', text: 'Done the first time.', reason: 'done' },
    ]);
    expect(chatRequests()).toBe(1);
  });
});
