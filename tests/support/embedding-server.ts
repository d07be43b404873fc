import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server received it. */
export interface EmbeddingServerRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Record<string, unknown>;
}

export interface EmbeddingServerOptions {
  /** Vector size (default 64). */
  readonly dims?: number;
  /** Fixed time each request takes before it answers (default 0). */
  readonly latencyMs?: number;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  readonly apiKey?: string;
  /** Words that mean the same: each group's words share one vector (so "semantic" hits are predictable). */
  readonly synonyms?: readonly (readonly string[])[];
  /** Relevance of a document to a query for `/rerank` (default: cosine of their vectors). */
  readonly rerankScore?: (query: string, document: string) => number;
}

export interface EmbeddingServer {
  /** Base URL for the embeddings API, ending in /v1. */
  readonly url: string;
  readonly origin: string;
  readonly requests: EmbeddingServerRequest[];
  /** The next `count` requests get `status` (429 with `retryAfter` seconds in Retry-After when given). */
  fail(status: number, count: number, retryAfter?: number): void;
  /** While down, every connection is cut before an answer: the client sees the server unreachable. */
  setDown(down: boolean): void;
  setLatency(ms: number): void;
  /** The vector this server gives a text (for tests that compare). */
  embed(text: string): number[];
  close(): Promise<void>;
}

/**
 * A local server speaking the OpenAI `/v1/embeddings` wire format (as Ollama,
 * vLLM, TEI and OpenAI answer it) and the `/rerank` formats: TEI's
 * (`{query, texts}` → `[{index, score}]`) on `/rerank`, and Jina's, also
 * spoken by SiliconFlow and vLLM (`{model, query, documents, top_n}` →
 * `{results: [{index, relevance_score}], usage}`) on `/v1/rerank`.
 * Vectors are a hashed bag of words: each word (or Chinese character) has a
 * seeded random vector, synonyms share one, and a text's vector is their
 * normalized sum, so cosine similarity tracks shared meaning the way the
 * test's synonym list says, deterministically.
 */
export async function startEmbeddingServer(options: EmbeddingServerOptions = {}): Promise<EmbeddingServer> {
  const dims = options.dims ?? 64;
  let latency = options.latencyMs ?? 0;
  let down = false;
  const failures: { status: number; retryAfter?: number }[] = [];
  const requests: EmbeddingServerRequest[] = [];
  const canonical = new Map<string, string>();
  for (const group of options.synonyms ?? []) for (const word of group) canonical.set(word, group[0] as string);
  const embed = (text: string) => bagOfWords(text, dims, canonical);
  const sockets = new Set<Socket>();

  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    if (down) {
      req.socket.destroy();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    requests.push({ path, headers, body });
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const failure = failures.shift();
    if (failure) {
      const extra: Record<string, string> =
        failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
      return json(res, failure.status, { error: { message: `scripted ${failure.status}` } }, extra);
    }
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return json(res, 401, { error: { message: 'Invalid API key', type: 'invalid_request_error' } });
    }
    if (req.method === 'POST' && path === '/v1/embeddings') return answerEmbeddings(res, body, embed);
    if (req.method === 'POST' && (path === '/rerank' || path === '/v1/rerank')) {
      const score = options.rerankScore ?? ((q: string, d: string) => cosine(embed(q), embed(d)));
      return answerRerank(res, body, path === '/rerank' ? 'tei' : 'jina', score);
    }
    json(res, 404, { error: { message: `No route ${path}` } });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    fail: (status, count, retryAfter) => {
      for (let i = 0; i < count; i++) failures.push({ status, ...(retryAfter === undefined ? {} : { retryAfter }) });
    },
    setDown: (value) => {
      down = value;
    },
    setLatency: (ms) => {
      latency = ms;
    },
    embed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answerEmbeddings(res: http.ServerResponse, body: Record<string, unknown>, embed: (t: string) => number[]) {
  const input = body.input;
  const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? (input as unknown[]) : null;
  if (!texts || texts.some((t) => typeof t !== 'string')) {
    return json(res, 400, { error: { message: "'input' must be a string or an array of strings" } });
  }
  const asked = typeof body.dimensions === 'number' ? body.dimensions : undefined;
  const data = (texts as string[]).map((text, index) => {
    const vector = embed(text);
    return { object: 'embedding', index, embedding: asked ? vector.slice(0, asked) : vector };
  });
  const tokens = (texts as string[]).reduce((sum, t) => sum + words(t).length, 0);
  json(res, 200, {
    object: 'list',
    data,
    model: String(body.model ?? ''),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

function answerRerank(
  res: http.ServerResponse,
  body: Record<string, unknown>,
  format: 'tei' | 'jina',
  score: (query: string, document: string) => number,
) {
  const query = String(body.query ?? '');
  const documents = (format === 'tei' ? body.texts : body.documents) as unknown;
  if (!Array.isArray(documents)) return json(res, 400, { error: { message: 'no documents' } });
  const ranked = documents
    .map((document, index) => ({ index, score: score(query, String(document)) }))
    .sort((a, b) => b.score - a.score);
  if (format === 'tei') return json(res, 200, ranked);
  const topN = typeof body.top_n === 'number' ? body.top_n : ranked.length;
  const tokens = words(query).length * documents.length + documents.reduce((s, d) => s + words(String(d)).length, 0);
  json(res, 200, {
    id: 'rerank-test',
    results: ranked.slice(0, topN).map((r) => ({ index: r.index, relevance_score: r.score })),
    usage: { total_tokens: tokens },
  });
}

/** Words in lower case, crudely singular; each Chinese character on its own. */
function words(text: string): string[] {
  const found = text.toLowerCase().match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? [];
  return found.map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

function bagOfWords(text: string, dims: number, canonical: ReadonlyMap<string, string>): number[] {
  const sum = new Array<number>(dims).fill(0);
  for (const word of words(text)) {
    const random = mulberry32(fnv1a(canonical.get(word) ?? word));
    for (let i = 0; i < dims; i++) sum[i] = (sum[i] as number) + random() * 2 - 1;
  }
  const norm = Math.hypot(...sum) || 1;
  return sum.map((x) => x / norm);
}

function cosine(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function json(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
  });
}
