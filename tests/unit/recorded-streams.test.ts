import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../lib/llm/client';
import { type CompletionEvent, streamCompletion } from '../../lib/llm/stream-completion';
import { type OpenAIServer, raw, startOpenAIServer, text, toolCalls } from '../support/openai-server';

/** Real Chat Completions streams recorded from OpenAI, read in place from ../shared/corpora. */
const corpus = path.resolve(import.meta.dirname, '../../../shared/corpora/openai-sse');
const recordings = ['openai-python-recorded', 'openai-node-recorded'].flatMap((dir) =>
  fs
    .readdirSync(path.join(corpus, dir))
    .filter((file) => file.endsWith('.sse'))
    .map((file) => ({ name: `${dir}/${file}`, body: fs.readFileSync(path.join(corpus, dir, file), 'utf8') })),
);

interface Chunk {
  choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
  usage?: unknown;
  [key: string]: unknown;
}

/** Parses an SSE body independently of the SDK: every `data:` line up to [DONE]. */
function parseSse(body: string): Chunk[] {
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)) as Chunk);
}

/** The shape of a chunk: its own keys and its first choice's keys, by kind. */
function shape(chunk: Chunk): string {
  const choice = chunk.choices[0];
  const kind = !choice
    ? 'usage'
    : choice.finish_reason
      ? 'finish'
      : 'role' in choice.delta
        ? 'first'
        : 'tool_calls' in choice.delta
          ? 'tool'
          : 'content';
  const keys = Object.keys(chunk).sort().join(',');
  const choiceKeys = choice ? Object.keys(choice).sort().join(',') : '';
  return `${kind}: ${keys} | ${choiceKeys}`;
}

async function run(server: OpenAIServer): Promise<CompletionEvent[]> {
  const client = createClient({ baseURL: server.url, apiKey: 'sk-test' });
  const events: CompletionEvent[] = [];
  const request = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'replay' }] };
  for await (const event of streamCompletion(client, request, new AbortController().signal)) events.push(event);
  return events;
}

describe('recorded OpenAI streams', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());

  it('has the recordings to replay', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(16);
  });

  it.each(recordings)('replays $name through the product stream code', async ({ body }) => {
    server.enqueue(raw(body));
    const events = await run(server);
    const chunks = parseSse(body);
    const expectedText = chunks
      .flatMap((chunk) => chunk.choices.filter((choice) => choice.index === 0))
      .map((choice) => (typeof choice.delta.content === 'string' ? choice.delta.content : ''))
      .join('');
    const gotText = events.map((event) => (event.type === 'delta' ? event.text : '')).join('');
    expect(gotText).toBe(expectedText);
    const finish = chunks.flatMap((c) => c.choices).find((c) => c.index === 0 && c.finish_reason)?.finish_reason;
    expect(events.at(-1)).toEqual({ type: 'finish', reason: finish });
    expect(events.some((event) => event.type === 'usage')).toBe(chunks.some((chunk) => chunk.usage));
  });

  it('frames its own streams exactly like the recordings', async () => {
    const recorded = new Set(recordings.flatMap(({ body }) => parseSse(body).map(shape)));
    const generated = new Set<string>();
    for (const response of [
      text('Some text to stream.'),
      toolCalls([
        { name: 'a', arguments: '{"x":1}' },
        { name: 'b', arguments: '{}' },
      ]),
    ]) {
      server.enqueue(response);
      const reply = await fetch(`${server.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o', messages: [], stream: true, stream_options: { include_usage: true } }),
      });
      const body = await reply.text();
      expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
      expect(
        body
          .split('\n\n')
          .filter(Boolean)
          .every((event) => event.startsWith('data: ')),
      ).toBe(true);
      for (const chunk of parseSse(body)) generated.add(shape(chunk));
    }
    const unknown = [...generated].filter((s) => !recorded.has(s));
    expect(unknown).toEqual([]);
    // Every kind of chunk the recordings have, the server produces too.
    const kinds = (set: Set<string>) => new Set([...set].map((s) => s.split(':')[0]));
    expect(kinds(generated)).toEqual(kinds(recorded));
  });
});
