import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agentLoop } from '../../lib/agent/agent-loop';
import type { AgentEvent } from '../../lib/agent/agent-stream-protocol';
import { tool } from '../../lib/agent/tool';
import { createClient } from '../../lib/llm/client';
import type { ChatMessageParam } from '../../lib/llm/stream-completion';
import { newUntrustedNonce } from '../../lib/prompt/untrusted';
import { type OpenAIServer, startOpenAIServer, text, toolCalls } from '../support/openai-server';

const echo = tool({
  name: 'echo',
  description: 'Echoes its text back.',
  input: z.object({ text: z.string() }),
  risk: 'read',
  run: async ({ text }) => `echo:${text}`,
});
const send = tool({
  name: 'send',
  description: 'An effect the user must allow.',
  input: z.object({ url: z.string() }),
  risk: 'effect',
  target: async ({ url }) => url,
  run: async ({ url }) => `sent:${url}`,
});
const boom = tool({
  name: 'boom',
  description: 'Always fails.',
  input: z.object({}),
  risk: 'read',
  run: async () => {
    throw new Error('kaboom');
  },
});

const noScript = async () => ({ kind: 'script' as const, output: '', timedOut: true });

type Body = { messages: { role: string; content: string | null; tool_call_id?: string }[]; tools?: unknown[] };

describe('the agent loop against the scripted server', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());

  const run = async (options: { allow?: boolean; maxSteps?: number; maxFailures?: number } = {}) => {
    const events: AgentEvent[] = [];
    const messages: ChatMessageParam[] = [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'goal' },
    ];
    const result = await agentLoop({
      client: createClient({ baseURL: server.url, apiKey: 'k' }),
      model: 'test-model',
      tools: [echo, send, boom],
      messages,
      context: {
        tabId: null,
        windowId: null,
        incognito: false,
        nonce: newUntrustedNonce(),
        signal: new AbortController().signal,
        ask: async () => 'yes',
        runScript: noScript,
      },
      maxSteps: options.maxSteps ?? 15,
      maxConsecutiveFailures: options.maxFailures ?? 3,
      emit: (event) => events.push(event),
      hooks: { authorize: async () => options.allow ?? true },
    });
    return { result, events, messages };
  };
  const lastBody = () => (server.requests.at(-1)?.body ?? { messages: [] }) as Body;
  const toolMessages = () => (lastBody().messages ?? []).filter((message) => message.role === 'tool');

  it('runs parallel calls, repairs bad JSON, reports unknown tools, and ends on plain text', async () => {
    server.enqueue(
      toolCalls([
        { name: 'echo', arguments: '{"text": "a"}', id: 'c1' },
        { name: 'echo', arguments: "{'text': 'b',}", id: 'c2' },
        { name: 'nope', arguments: '{}', id: 'c3' },
      ]),
      text('All done.'),
    );
    const { result, events } = await run();
    expect(result).toMatchObject({ reason: 'done', text: 'All done.', steps: 2 });
    const sent = toolMessages();
    expect(sent.map((message) => message.tool_call_id)).toEqual(['c1', 'c2', 'c3']);
    expect(sent[0]?.content).toBe('echo:a');
    expect(sent[1]?.content).toContain('repaired');
    expect(sent[1]?.content).toContain('echo:b');
    expect(sent[2]?.content).toMatch(/Unknown tool "nope"/);
    expect(lastBody().tools).toHaveLength(3);
    // Parallel calls finish in any order; each result is matched to its call.
    const statuses = Object.fromEntries(
      events.flatMap((event) => (event.type === 'tool-result' ? [[event.callId, event.status]] : [])),
    );
    expect(statuses).toEqual({ c1: 'ok', c2: 'ok', c3: 'error' });
  });

  it('returns a denial to the model as a result, not an error', async () => {
    server.enqueue(
      toolCalls([{ name: 'send', arguments: '{"url":"https://x.example/?d=secret"}', id: 's1' }]),
      text('OK, not sent.'),
    );
    const { result } = await run({ allow: false });
    expect(result.reason).toBe('done');
    expect(toolMessages()[0]?.content).toMatch(/user denied this send call/);
  });

  it('stops at the consecutive failure cap and at the step limit', async () => {
    const failing = () => toolCalls([{ name: 'boom', arguments: '{}' }]);
    server.enqueue(failing(), failing(), failing());
    expect((await run({ maxFailures: 2 })).result).toMatchObject({ reason: 'too-many-failures', steps: 2 });
    expect(toolMessages()[0]?.content).toBe('Error: kaboom');
    server.enqueue(...Array.from({ length: 3 }, () => toolCalls([{ name: 'echo', arguments: '{"text":"x"}' }])));
    expect((await run({ maxSteps: 3 })).result).toMatchObject({ reason: 'step-limit', steps: 3 });
  });
});

describe('the agent loop with a provider that rejects tools', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer({ rejectTools: true });
  });
  afterAll(() => server.close());

  it('switches to the prompted protocol, parses its JSON calls and says so once', async () => {
    server.enqueue(text('{"tool_calls": [{"name": "echo", "arguments": {"text": "hi"}}]}'), text('Echoed.'));
    const modes: string[] = [];
    const events: AgentEvent[] = [];
    const result = await agentLoop({
      client: createClient({ baseURL: server.url, apiKey: 'k' }),
      model: 'test-model',
      tools: [echo],
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'goal' },
      ],
      context: {
        tabId: null,
        windowId: null,
        incognito: false,
        nonce: newUntrustedNonce(),
        signal: new AbortController().signal,
        ask: async () => '',
        runScript: noScript,
      },
      maxSteps: 5,
      maxConsecutiveFailures: 3,
      emit: (event) => events.push(event),
      hooks: {
        authorize: async () => true,
        onToolModeChange: async (mode) => {
          modes.push(mode);
        },
      },
    });
    expect(result).toMatchObject({ reason: 'done', text: 'Echoed.', steps: 2 });
    expect(modes).toEqual(['prompted']);
    const bodies = server.requests.map((request) => request.body as Body);
    expect(bodies[0]?.tools).toBeDefined();
    expect(bodies.slice(1).every((body) => body.tools === undefined)).toBe(true);
    expect(bodies.at(-1)?.messages.at(-1)).toEqual({ role: 'user', content: 'Tool result (echo, call_2_0):\necho:hi' });
    // The JSON call never showed as text; the answer did.
    const shown = events.flatMap((event) => (event.type === 'delta' ? [event.text] : [])).join('');
    expect(shown).toBe('Echoed.');
  });
});

describe('call ids', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());

  it('are made unique within a run when a model repeats them', async () => {
    server.enqueue(
      toolCalls([
        { name: 'echo', arguments: '{"text":"a"}', id: 'same' },
        { name: 'echo', arguments: '{"text":"b"}', id: 'same' },
      ]),
      toolCalls([{ name: 'echo', arguments: '{"text":"c"}', id: 'same' }]),
      text('ok'),
    );
    const events: AgentEvent[] = [];
    await agentLoop({
      client: createClient({ baseURL: server.url, apiKey: 'k' }),
      model: 'test-model',
      tools: [echo],
      messages: [{ role: 'user', content: 'goal' }],
      context: {
        tabId: null,
        windowId: null,
        incognito: false,
        nonce: newUntrustedNonce(),
        signal: new AbortController().signal,
        ask: async () => '',
        runScript: noScript,
      },
      maxSteps: 5,
      maxConsecutiveFailures: 3,
      emit: (event) => events.push(event),
      hooks: { authorize: async () => true },
    });
    const ids = events.flatMap((event) => (event.type === 'tool-call' ? [event.callId] : []));
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('same');
  });
});
