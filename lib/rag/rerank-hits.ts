import { AsideError } from '../messaging/errors';
import { type RerankSettings, rerankModelId, rerankRunsOn } from '../settings/embedding-settings';
import { hostOf } from './remote-embed-errors';
import { type RerankAnswer, rerank } from './rerank';
import { rerankInBrowser } from './rerank-in-browser';
import type { RetrievedChunk } from './retrieve';
import { serverKey } from './server-keys';

/** Candidates sent to the reranker: the hybrid search's top 30. */
export const rerankDepth = 30;

/**
 * How long the in-browser model may take. Its first use downloads it (about
 * 280 MB for the default): the answer does not wait for that, the download
 * goes on in the worker and the next question is reranked.
 */
const browserTimeoutMs = 30_000;
const serverTimeoutMs = 10_000;

/** What reranking cost, shown under the answer. */
export interface RerankCost {
  /** The `/rerank` server's host; empty when the cross-encoder ran in the browser. */
  readonly host: string;
  /** The in-browser cross-encoder's model id; absent for a server. */
  readonly model?: string;
  readonly ms: number;
  /** Tokens the server reported, when it did. */
  readonly tokens?: number;
  /** The reranker failed: the excerpts kept their search order. */
  readonly failed?: boolean;
}

/**
 * Reorders the hybrid search's candidates by the reranker's scores (the
 * in-browser cross-encoder or the `/rerank` endpoint, as set) and keeps the
 * best `k`. A reranker that fails (down, refusing the key, a model that does
 * not load, too slow) leaves the search order, and says so in the cost.
 */
export async function rerankHits(
  settings: RerankSettings,
  question: string,
  hits: readonly RetrievedChunk[],
  k: number,
): Promise<{ hits: RetrievedChunk[]; rerank: RerankCost }> {
  const inBrowser = rerankRunsOn(settings) === 'browser';
  const url = settings.url.trim();
  const who = inBrowser ? { host: '', model: rerankModelId(settings) } : { host: hostOf(url) };
  const documents = hits.map((hit) => [...hit.headingPath, hit.text].join('\n'));
  const started = performance.now();
  try {
    const answer: RerankAnswer = who.model
      ? { ranked: await withTimeout(rerankInBrowser(who.model, question, documents), browserTimeoutMs) }
      : await onServer(settings, url, question, documents);
    const ms = Math.round(performance.now() - started);
    const ordered = answer.ranked.flatMap((r) => hits[r.index] ?? []);
    // A server that returned fewer than asked: the rest follow in search order.
    const rest = hits.filter((hit) => !ordered.includes(hit));
    const cost = { ...who, ms, ...(answer.tokens === undefined ? {} : { tokens: answer.tokens }) };
    return { hits: [...ordered, ...rest].slice(0, k), rerank: cost };
  } catch (error) {
    console.warn('[aside] reranking failed; search order kept', AsideError.from(error).message);
    return { hits: hits.slice(0, k), rerank: { ...who, ms: Math.round(performance.now() - started), failed: true } };
  }
}

async function onServer(
  settings: RerankSettings,
  url: string,
  query: string,
  documents: string[],
): Promise<RerankAnswer> {
  const apiKey = await serverKey('rerank', url);
  return rerank({
    url,
    model: settings.model,
    query,
    documents,
    ...(apiKey ? { apiKey } : {}),
    signal: AbortSignal.timeout(serverTimeoutMs),
  });
}

/** The promise's value, or an error after `ms`; the work itself goes on (a model download is worth finishing). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
