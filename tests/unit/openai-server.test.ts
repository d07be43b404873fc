import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../lib/llm/client';
import { type CompletionEvent, streamCompletion } from '../../lib/llm/stream-completion';
import { AsideError } from '../../lib/messaging/errors';
import { broken, error, type OpenAIServer, startOpenAIServer, text, toolCalls } from '../support/openai-server';

async function collect(server: OpenAIServer): Promise<{ events: CompletionEvent[]; error?: AsideError }> {
  const client = createClient({ baseURL: server.url, apiKey: 'sk-test' });
  const events: CompletionEvent[] = [];
  try {
    const request = { model: 'test-model', messages: [{ role: 'user' as const, content: 'hi' }] };
    for await (const event of streamCompletion(client, request, new AbortController().signal)) events.push(event);
    return { events };
  } catch (caught) {
    return { events, error: caught as AsideError };
  }
}

const deltas = (events: CompletionEvent[], type: 'delta' | 'reasoning' = 'delta') =>
  events.map((event) => (event.type === type ? event.text : '')).join('');

describe('the OpenAI-compatible test server', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer({ apiKey: 'sk-test', models: ['m-1', 'm-2'] });
  });
  afterAll(() => server.close());

  it('streams text with a finish reason and a usage chunk, and records the request', async () => {
    server.enqueue(text('Hello, 世界! A streamed answer.', { chunkSize: 3 }));
    const { events, error: failure } = await collect(server);
    expect(failure).toBeUndefined();
    expect(deltas(events)).toBe('Hello, 世界! A streamed answer.');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(events.some((event) => event.type === 'usage')).toBe(true);
    const request = server.requests.at(-1);
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.body).toMatchObject({
      model: 'test-model',
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(request?.firstChunkSentAt).toBeGreaterThanOrEqual(request?.receivedAt ?? Number.POSITIVE_INFINITY);
  });

  it('sends reasoning_content before the answer, DeepSeek style', async () => {
    server.enqueue(text('42', { reasoning: 'Let me think.' }));
    const { events } = await collect(server);
    expect(deltas(events, 'reasoning')).toBe('Let me think.');
    expect(deltas(events)).toBe('42');
    expect(events.findIndex((e) => e.type === 'reasoning')).toBeLessThan(events.findIndex((e) => e.type === 'delta'));
  });

  it('keeps the partial text and reports stream-broken when the socket dies mid-stream', async () => {
    server.enqueue(broken('The first half'));
    const { events, error: failure } = await collect(server);
    expect(deltas(events)).toBe('The first half');
    expect(failure).toBeInstanceOf(AsideError);
    expect(failure?.code).toBe('stream-broken');
  });

  it('reports stream-broken when a stream ends without a finish reason', async () => {
    server.enqueue(broken('Cut short', { mode: 'no-finish' }));
    const { events, error: failure } = await collect(server);
    expect(deltas(events)).toBe('Cut short');
    expect(failure?.code).toBe('stream-broken');
  });

  it('answers errors with OpenAI error bodies and headers', async () => {
    server.enqueue(error(429, { headers: { 'retry-after-ms': '250' } }));
    const { error: failure } = await collect(server);
    expect(failure?.code).toBe('rate-limit');
    expect(failure?.status).toBe(429);
    expect(failure?.cause).toBeInstanceOf(OpenAI.RateLimitError);
    const cause = failure?.cause as InstanceType<typeof OpenAI.RateLimitError> | undefined;
    expect(cause?.headers.get('retry-after-ms')).toBe('250');
  });

  it('refuses a wrong key with 401 and lists models for the right one', async () => {
    const wrong = createClient({ baseURL: server.url, apiKey: 'sk-wrong' });
    await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const right = createClient({ baseURL: server.url, apiKey: 'sk-test' });
    const ids: string[] = [];
    for await (const model of right.models.list()) ids.push(model.id);
    expect(ids).toEqual(['m-1', 'm-2']);
  });

  it('streams parallel tool calls with arguments in fragments', async () => {
    server.enqueue(
      toolCalls([
        { name: 'get_weather', arguments: '{"city":"Paris"}' },
        { name: 'get_time', arguments: '{"zone":"Europe/Paris"}' },
      ]),
    );
    const client = createClient({ baseURL: server.url, apiKey: 'sk-test' });
    const stream = await client.chat.completions.create({
      model: 'test-model',
      messages: [{ role: 'user', content: 'weather and time' }],
      stream: true,
    });
    const args = new Map<number, string>();
    const names = new Map<number, string>();
    let finish: string | null = null;
    let fragments = 0;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        if (call.function?.name) names.set(call.index, call.function.name);
        if (call.function?.arguments) {
          fragments++;
          args.set(call.index, (args.get(call.index) ?? '') + call.function.arguments);
        }
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect([...names.values()]).toEqual(['get_weather', 'get_time']);
    expect(JSON.parse(args.get(0) ?? '')).toEqual({ city: 'Paris' });
    expect(JSON.parse(args.get(1) ?? '')).toEqual({ zone: 'Europe/Paris' });
    expect(fragments).toBeGreaterThan(2);
    expect(finish).toBe('tool_calls');
  });

  it('answers non-streamed requests with a complete chat.completion', async () => {
    server.enqueue(text('Plain answer.'));
    const client = createClient({ baseURL: server.url, apiKey: 'sk-test' });
    const completion = await client.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: 'q' }] });
    expect(completion.choices[0]?.message.content).toBe('Plain answer.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });
});

describe('Origin checks like Ollama', () => {
  it('refuses a foreign Origin with 403 and accepts localhost', async () => {
    const ollama = await startOpenAIServer({ requireLocalOrigin: true });
    try {
      const foreign = await fetch(`${ollama.url}/models`, { headers: { origin: 'chrome-extension://abc' } });
      expect(foreign.status).toBe(403);
      const local = await fetch(`${ollama.url}/models`, { headers: { origin: 'http://127.0.0.1' } });
      expect(local.status).toBe(200);
      expect(ollama.requests.map((r) => r.headers.origin)).toEqual(['chrome-extension://abc', 'http://127.0.0.1']);
    } finally {
      await ollama.close();
    }
  });
});
