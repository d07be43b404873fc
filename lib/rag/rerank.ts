import { sleep } from '../llm/retry';
import { AsideError } from '../messaging/errors';
import { hostOf } from './remote-embed-errors';

/** A document's place in the list sent and its relevance to the query, best first. */
export interface Ranked {
  readonly index: number;
  readonly score: number;
}

export interface RerankAnswer {
  readonly ranked: Ranked[];
  /** Tokens the server reported, when it did. */
  readonly tokens?: number;
}

export interface RerankRequest {
  /** The full endpoint, e.g. `http://127.0.0.1:8080/rerank` (TEI) or `https://api.jina.ai/v1/rerank`. */
  readonly url: string;
  readonly model: string;
  readonly query: string;
  readonly documents: readonly string[];
  readonly apiKey?: string;
  readonly signal?: AbortSignal;
  /** Tries on 429 and 5xx (default 3), each after the server's Retry-After (capped at 5 s) or a short backoff. */
  readonly attempts?: number;
}

/**
 * Asks a `/rerank` endpoint to order documents by relevance to a query. The
 * body carries the documents both as `documents` (Jina, SiliconFlow, vLLM)
 * and as `texts` (Hugging Face TEI): each server reads its own field and
 * ignores the other. No cookies, no redirects (the key goes to this origin only).
 */
export async function rerank(request: RerankRequest): Promise<RerankAnswer> {
  const body = JSON.stringify({
    model: request.model || undefined,
    query: request.query,
    documents: request.documents,
    texts: request.documents,
    top_n: request.documents.length,
    return_documents: false,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.apiKey) headers.authorization = `Bearer ${request.apiKey}`;
  const attempts = request.attempts ?? 3;
  const host = hostOf(request.url);
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        headers,
        body,
        credentials: 'omit',
        redirect: 'error',
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      if (request.signal?.aborted) throw new AsideError('cancelled', 'Stopped.', { cause: error });
      throw failed(host, String(error));
    }
    if (response.ok) return parseRerankAnswer(await response.json(), request.documents.length, host);
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= attempts) throw failed(host, `HTTP ${response.status}`, response.status);
    const asked = Number(response.headers.get('retry-after'));
    const wait = Number.isFinite(asked) && response.headers.get('retry-after') !== null ? asked * 1000 : 250 * attempt;
    await sleep(Math.min(wait, 5000), request.signal ?? new AbortController().signal);
  }
}

/**
 * Reads the two answer shapes: TEI's `[{index, score}]` and Jina's
 * `{results: [{index, relevance_score}]}` (SiliconFlow, vLLM, Cohere-like),
 * with the tokens from `usage.total_tokens`, `tokens.input_tokens` or
 * `meta.tokens.input_tokens`. Indexes outside the list are refused.
 */
export function parseRerankAnswer(body: unknown, count: number, host = ''): RerankAnswer {
  const object = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const rows = Array.isArray(body) ? body : Array.isArray(object.results) ? object.results : null;
  if (!rows) throw failed(host, 'The answer has no results.');
  const ranked: Ranked[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    const index = row?.index;
    const score = row?.relevance_score ?? row?.score;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count) {
      throw failed(host, `A result names document ${String(index)} of ${count}.`);
    }
    if (typeof score !== 'number') throw failed(host, 'A result has no score.');
    ranked.push({ index, score });
  }
  ranked.sort((a, b) => b.score - a.score);
  const tokens = tokensOf(object);
  return { ranked, ...(tokens === undefined ? {} : { tokens }) };
}

function tokensOf(object: Record<string, unknown>): number | undefined {
  const usage = object.usage as { total_tokens?: unknown } | undefined;
  if (typeof usage?.total_tokens === 'number') return usage.total_tokens;
  const tokens = (object.tokens ?? (object.meta as { tokens?: unknown } | undefined)?.tokens) as
    | { input_tokens?: unknown; output_tokens?: unknown }
    | undefined;
  if (typeof tokens?.input_tokens === 'number') {
    return tokens.input_tokens + (typeof tokens.output_tokens === 'number' ? tokens.output_tokens : 0);
  }
  return undefined;
}

function failed(host: string, detail: string, status?: number): AsideError {
  return new AsideError('rerank-failed', `Reranking through ${host} failed.`, {
    detail,
    params: { host },
    ...(status === undefined ? {} : { status }),
  });
}
