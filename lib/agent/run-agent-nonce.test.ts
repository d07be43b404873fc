import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type OpenAIServer, type RecordedRequest, startOpenAIServer, text } from '../../tests/support/openai-server';
import { db } from '../db/database';
import { asUntrustedNonce, newUntrustedNonce, untrustedMarkers, wrapToolOutput } from '../prompt/untrusted';
import { resolveProfile, saveProfile } from '../settings/profiles';
import { runAgent } from './run-agent';
import type { AgentRunRecord } from './run-records';

let server: OpenAIServer;

type Body = { messages: { role: string; content: string | null }[] };
const bodyOf = (request: RecordedRequest | undefined) => request?.body as Body;

/** An interrupted run whose transcript holds one tool result, wrapped as it was stored. */
async function interruptedRun(toolResult: string, untrustedNonce?: string): Promise<AgentRunRecord> {
  const profile = await resolveProfile();
  const run: AgentRunRecord = {
    id: crypto.randomUUID(),
    goal: 'Summarize my tab',
    status: 'interrupted',
    profileId: profile.id,
    model: 'test-model',
    tabId: null,
    ...(untrustedNonce ? { untrustedNonce } : {}),
    transcript: [
      { role: 'user', content: 'Summarize my tab' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'read_tab', arguments: '{"tabId":1}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: toolResult },
    ],
    steps: 1,
    usage: { promptTokens: 0, completionTokens: 0 },
    createdAt: 1,
    updatedAt: 1,
  };
  await db().runs.add(run);
  return run;
}

/** The closing marker for a stored nonce; a missing or malformed one gives a marker no request contains. */
const closeOf = (stored: unknown) => untrustedMarkers(asUntrustedNonce(stored) ?? newUntrustedNonce()).close;

const resume = (runId: string) => runAgent({ kind: 'resume', runId }, () => {}, new AbortController().signal);

describe('the untrusted-content nonce of an agent run', () => {
  beforeAll(async () => {
    server = await startOpenAIServer({ apiKey: 'sk-run' });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    await saveProfile(
      { name: 'Unit', presetId: 'custom', baseURL: server.url, model: 'test-model', models: [] },
      'sk-run',
    );
  });

  it('is kept in the run, so a resumed run’s stored tool results match its new system prompt', async () => {
    const nonce = newUntrustedNonce();
    const run = await interruptedRun(wrapToolOutput('read_tab', 'The page text.', {}, nonce), nonce);
    server.enqueue(text('Summary.'));
    await resume(run.id);
    const { messages } = bodyOf(server.requests.at(-1));
    expect(messages[0]?.content).toContain(untrustedMarkers(nonce).close);
    expect(messages.at(-1)?.content).toContain(`The page text.\n${untrustedMarkers(nonce).close}`);
  });

  it('is a fresh random one for every new run', async () => {
    server.enqueue(text('One.'), text('Two.'));
    for (const goal of ['First goal', 'Second goal']) {
      await runAgent({ kind: 'start', goal, tabId: null }, () => {}, new AbortController().signal);
    }
    const runs = await db().runs.toArray();
    expect(runs.map((run) => run.untrustedNonce)).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}$/),
      expect.stringMatching(/^[0-9a-f]{16}$/),
    ]);
    expect(runs[0]?.untrustedNonce).not.toBe(runs[1]?.untrustedNonce);
    for (const run of runs) {
      const request = server.requests.find((each) => bodyOf(each).messages[1]?.content === run.goal);
      expect(bodyOf(request).messages[0]?.content).toContain(closeOf(run.untrustedNonce));
    }
  });

  it('is given to a run stored before nonces, its old markers re-marked and stored with it', async () => {
    const run = await interruptedRun(
      '<<<UNTRUSTED_CONTENT kind="read_tab result"\nThe page text.\nUNTRUSTED_CONTENT>>>',
    );
    server.enqueue(text('Summary.'));
    await resume(run.id);
    const stored = await db().runs.get(run.id);
    const close = closeOf(stored?.untrustedNonce);
    expect(stored?.untrustedNonce).toMatch(/^[0-9a-f]{16}$/);
    const { messages } = bodyOf(server.requests.at(-1));
    expect(messages[0]?.content).toContain(close);
    expect(messages.find((message) => message.role === 'tool')?.content).toContain(`The page text.\n${close}`);
    expect(JSON.stringify(stored?.transcript)).toContain(close);
  });
});
