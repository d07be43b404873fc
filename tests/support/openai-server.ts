import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answer, sendError } from './scripted-answer';
import { type ScriptedResponse, text } from './scripted-responses';
import { roughTokens } from './sse-chunks';

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
  /** The client went away before the answer was complete (a cancelled request). */
  closedEarly?: boolean;
  /** Same clock: when the whole answer had been written. */
  finishedAt?: number;
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
  /** Answer used when the queue is empty; a function answers each request from what it carries (a scripted model per role). */
  readonly fallback?: ScriptedResponse | ScriptedReply;
  /** Like providers without tool calling: a request carrying `tools` gets a 400 saying so. */
  readonly rejectTools?: boolean;
}

/** An answer computed from the request, so a scripted "model" can react to tool results it was sent. */
export type ScriptedReply = (request: RecordedRequest) => ScriptedResponse;

export interface OpenAIServer {
  /** Base URL for an OpenAI client, ending in /v1. */
  readonly url: string;
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Queues answers (or functions of the request) for the next chat completion requests, in order. */
  enqueue(...responses: (ScriptedResponse | ScriptedReply)[]): void;
  /** Replaces the answer used when the queue is empty (see `fallback`). */
  setFallback(response: ScriptedResponse | ScriptedReply): void;
  close(): Promise<void>;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * A local OpenAI-compatible server speaking the real wire protocol: the
 * extension reaches it through the real `openai` SDK, as it would a provider.
 */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const queue: (ScriptedResponse | ScriptedReply)[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const models = options.models ?? ['test-model', 'test-reasoner'];
  let fallback = options.fallback ?? text('Hello from the test server.');

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
    res.on('close', () => {
      if (!res.writableFinished) record.closedEarly = true;
    });

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
      if (options.rejectTools && (record.body as { tools?: unknown } | null)?.tools) {
        sendError(res, 400, 'tools is not supported for this model', 'invalid_request_error', 'unsupported_parameter');
        return;
      }
      const body = (record.body ?? {}) as {
        stream?: boolean;
        model?: string;
        stream_options?: { include_usage?: boolean };
        messages?: unknown;
      };
      const next = queue.shift() ?? fallback;
      await answer(res, typeof next === 'function' ? next(record) : next, {
        stream: body.stream === true,
        includeUsage: body.stream_options?.include_usage === true,
        model: body.model ?? 'test-model',
        promptTokens: roughTokens(JSON.stringify(body.messages ?? [])),
        onFirstChunk: () => {
          record.firstChunkSentAt ??= now();
        },
      });
      record.finishedAt = now();
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
    setFallback: (response) => {
      fallback = response;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
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
