import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ScriptedResponse, text } from './scripted-responses';
import { chunk, pieces, roughTokens, sseDone, sseEvent, toolCallDeltas, usageChunk } from './sse-chunks';

export { broken, error, raw, type ScriptedResponse, text, toolCalls } from './scripted-responses';

/** One request as the server received it, for tests to assert what the extension sent. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  /** Epoch ms with sub-ms precision (performance.timeOrigin + performance.now()), when the first byte arrived. */
  readonly receivedAt: number;
  /** Same clock: when the first SSE chunk was written, for streamed answers. */
  firstChunkSentAt?: number;
}

export interface OpenAIServerOptions {
  /** Listen on this port (default: any free one). */
  readonly port?: number;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  readonly apiKey?: string;
  /** Model ids listed by /v1/models. */
  readonly models?: readonly string[];
  /** Like Ollama: refuse (403) requests whose Origin is not http://127.0.0.1 or http://localhost. */
  readonly requireLocalOrigin?: boolean;
  /** Refuse (403) every request that carries an Origin header at all. */
  readonly refuseAllOrigins?: boolean;
  /** Answer used when the queue is empty. */
  readonly fallback?: ScriptedResponse;
}

export interface OpenAIServer {
  /** Base URL for an OpenAI client, ending in /v1. */
  readonly url: string;
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Queues answers for the next chat completion requests, in order. */
  enqueue(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

const now = () => performance.timeOrigin + performance.now();
const wait = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * A local OpenAI-compatible server speaking the real wire protocol: the
 * extension reaches it through the real `openai` SDK, as it would a provider.
 */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const models = options.models ?? ['test-model', 'test-reasoner'];
  const fallback = options.fallback ?? text('Hello from the test server.');

  const server = http.createServer(async (req, res) => {
    const receivedAt = now();
    const bodyText = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
    );
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers,
      body: parseJson(bodyText),
      receivedAt,
    };
    requests.push(record);

    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS' });
      res.end();
      return;
    }
    const origin = headers.origin;
    if (
      origin &&
      (options.refuseAllOrigins ||
        (options.requireLocalOrigin && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)))
    ) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
      return;
    }
    if (options.apiKey && headers.authorization !== `Bearer ${options.apiKey}`) {
      sendError(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
      return;
    }
    if (req.method === 'GET' && path === '/v1/models') {
      const data = models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'aside-test' }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
      return;
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      const body = (record.body ?? {}) as {
        stream?: boolean;
        model?: string;
        stream_options?: { include_usage?: boolean };
      };
      await answer(res, queue.shift() ?? fallback, {
        stream: body.stream === true,
        includeUsage: body.stream_options?.include_usage === true,
        model: body.model ?? 'test-model',
        onFirstChunk: () => {
          record.firstChunkSentAt ??= now();
        },
      });
      return;
    }
    sendError(res, 404, `Unknown endpoint ${path}`, 'invalid_request_error', 'unknown_url');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    enqueue: (...responses) => queue.push(...responses),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

interface AnswerContext {
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly model: string;
  readonly onFirstChunk: () => void;
}

async function answer(res: http.ServerResponse, response: ScriptedResponse, context: AnswerContext): Promise<void> {
  await wait(response.hangMs);
  if (response.kind === 'error') {
    res.setHeader('x-request-id', 'req_test');
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    const type =
      response.status === 429
        ? 'rate_limit_exceeded'
        : response.status >= 500
          ? 'server_error'
          : 'invalid_request_error';
    sendError(res, response.status, response.message, type, null);
    return;
  }
  if (response.kind === 'raw') {
    res.writeHead(200, { 'content-type': response.contentType });
    context.onFirstChunk();
    res.end(response.body);
    return;
  }
  const ids = { id: `chatcmpl-test${Math.random().toString(36).slice(2, 10)}`, created: Math.floor(Date.now() / 1000) };
  const chunkContext = { ...ids, model: response.kind === 'text' && response.model ? response.model : context.model };

  if (!context.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(completion(response, chunkContext)));
    return;
  }

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const write = async (data: unknown, first = false) => {
    if (first) context.onFirstChunk();
    // Wait until the chunk is handed to the socket, so a later destroy() cannot swallow it.
    await new Promise<void>((resolve) => res.write(sseEvent(data), () => resolve()));
    await wait(response.delayMs);
  };

  if (response.kind === 'tool-calls') {
    const deltas = toolCallDeltas(response.calls, response.fragmentSize);
    for (const [index, delta] of deltas.entries()) await write(chunk(chunkContext, delta), index === 0);
    await write(chunk(chunkContext, {}, 'tool_calls'));
    if (context.includeUsage) await write(usageChunk(chunkContext, 20, roughTokens(JSON.stringify(response.calls))));
    res.end(sseDone);
    return;
  }

  await write(chunk(chunkContext, { role: 'assistant', content: '', refusal: null }), true);
  if (response.kind === 'text' && response.reasoning) {
    for (const piece of pieces(response.reasoning, response.chunkSize)) {
      await write(chunk(chunkContext, { reasoning_content: piece }));
    }
  }
  for (const piece of pieces(response.content, response.chunkSize))
    await write(chunk(chunkContext, { content: piece }));

  if (response.kind === 'broken') {
    // A real break comes some time after the last chunk; destroying at once can drop
    // bytes the client has not read yet (the kernel discards them on reset).
    await wait(50);
    if (response.mode === 'destroy') res.socket?.destroy();
    else res.end();
    return;
  }
  await write(chunk(chunkContext, {}, 'stop'));
  if (context.includeUsage) await write(usageChunk(chunkContext, 20, roughTokens(response.content)));
  res.end(sseDone);
}

/** The non-streamed form of an answer (`stream: false`). */
function completion(response: ScriptedResponse, context: { id: string; created: number; model: string }) {
  const isTools = response.kind === 'tool-calls';
  const content = response.kind === 'text' || response.kind === 'broken' ? response.content : null;
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    system_fingerprint: 'fp_aside_test',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          refusal: null,
          ...(response.kind === 'text' && response.reasoning ? { reasoning_content: response.reasoning } : {}),
          ...(isTools
            ? {
                tool_calls: response.calls.map((call, index) => ({
                  id: call.id ?? `call_${index}_${call.name}`,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: isTools ? 'tool_calls' : 'stop',
      },
    ],
    usage: {
      prompt_tokens: 20,
      completion_tokens: roughTokens(content ?? ''),
      total_tokens: 20 + roughTokens(content ?? ''),
    },
  };
}

function sendError(res: http.ServerResponse, status: number, message: string, type: string, code: string | null) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type, param: null, code } }));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
