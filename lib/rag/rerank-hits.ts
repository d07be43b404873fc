import { AsideError } from '../messaging/errors';
import type { RerankSettings } from '../settings/embedding-settings';
import { hostOf } from './remote-embed-errors';
import { rerank } from './rerank';
import type { RetrievedChunk } from './retrieve';
import { serverKey } from './server-keys';

/** Candidates sent to the reranker: the hybrid search's top 30. */
export const rerankDepth = 30;

/** What reranking cost, shown under the answer. */
export interface RerankCost {
  readonly host: string;
  readonly ms: number;
  /** Tokens the server reported, when it did. */
  readonly tokens?: number;
  /** The server failed: the excerpts kept their search order. */
  readonly failed?: boolean;
}

/**
 * Reorders the hybrid search's candidates by a `/rerank` endpoint's scores and
 * keeps the best `k`. A reranker that fails (down, refusing the key, too slow:
 * 10 s) leaves the search order, and says so in the cost.
 */
export async function rerankHits(
  settings: RerankSettings,
  question: string,
  hits: readonly RetrievedChunk[],
  k: number,
): Promise<{ hits: RetrievedChunk[]; rerank: RerankCost }> {
  const url = settings.url.trim();
  const host = hostOf(url);
  const started = performance.now();
  try {
    const apiKey = await serverKey('rerank', url);
    const answer = await rerank({
      url,
      model: settings.model,
      query: question,
      documents: hits.map((hit) => [...hit.headingPath, hit.text].join('\n')),
      ...(apiKey ? { apiKey } : {}),
      signal: AbortSignal.timeout(10_000),
    });
    const ms = Math.round(performance.now() - started);
    const ordered = answer.ranked.flatMap((r) => hits[r.index] ?? []);
    // A server that returned fewer than asked: the rest follow in search order.
    const rest = hits.filter((hit) => !ordered.includes(hit));
    const cost = { host, ms, ...(answer.tokens === undefined ? {} : { tokens: answer.tokens }) };
    return { hits: [...ordered, ...rest].slice(0, k), rerank: cost };
  } catch (error) {
    console.warn('[aside] reranking failed; search order kept', AsideError.from(error).message);
    return { hits: hits.slice(0, k), rerank: { host, ms: Math.round(performance.now() - started), failed: true } };
  }
}
