import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type OpenAIServer, startOpenAIServer, text, toolCalls } from '../../tests/support/openai-server';
import { db } from '../db/database';
import { saveProfile } from '../settings/profiles';
import type { AgentEvent, AgentStart } from './agent-stream-protocol';
import { runAgent } from './run-agent';

let server: OpenAIServer;

async function run(start: AgentStart, signal = new AbortController().signal) {
  const events: AgentEvent[] = [];
  await runAgent(start, (event) => events.push(event), signal);
  const started = events.find((event) => event.type === 'started');
  return { events, runId: started?.type === 'started' ? started.runId : '' };
}

const goal = (text: string): AgentStart => ({ kind: 'start', goal: text, tabId: null });
const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions').length;

describe('agent runs', () => {
  beforeAll(async () => {
    server = await startOpenAIServer({ apiKey: 'sk-agent' });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    server.setFallback(text('Done.'));
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
});
