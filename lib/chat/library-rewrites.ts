import type OpenAI from 'openai';
import { estimateTokens } from '../capture/token-budget';
import { streamCompletion } from '../llm/stream-completion';
import { shouldFuse } from '../rag/fusion-rule';
import { libraryLanguages } from '../rag/library-languages';
import { rewriteBudgetMs } from '../rag/rag-fusion-settings';
import { libraryRewritePrompt, parseRewrites, rewriteLanguages } from '../rag/rewrite-prompt';
import { ragFusionItem } from '../settings/secure-settings';

/** The model's rewrites of a library question and what the request cost. */
export interface QueryRewrites {
  readonly queries: string[];
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** The provider sent no usage: the counts are Aside's estimate. */
  readonly estimated: boolean;
}

export interface RewriteRequest {
  readonly client: OpenAI;
  readonly model: string;
  readonly local: boolean;
  /** The turn's signal: Stop cancels the rewrite request too. */
  readonly signal: AbortSignal;
  /** Default rewriteBudgetMs. */
  readonly budgetMs?: number;
}

/**
 * RAG-Fusion's rewrites of a library question, when the setting asks for
 * them (Off / Auto / On): one request to the chat's own provider and model,
 * carrying the question only. A request that fails, runs past the time
 * budget or answers with no usable query gives null, and the question is
 * searched as it is: the user sees an answer, not an error.
 */
export async function libraryRewrites(question: string, request: RewriteRequest): Promise<QueryRewrites | null> {
  const { mode } = await ragFusionItem.getValue();
  if (!shouldFuse(mode, question)) return null;
  const messages = libraryRewritePrompt(question, rewriteLanguages(question, await libraryLanguages()));
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(request.budgetMs ?? rewriteBudgetMs)]);
  let reply = '';
  let usage: { promptTokens: number; completionTokens: number } | undefined;
  try {
    for await (const event of streamCompletion(request.client, { model: request.model, messages }, signal, {
      local: request.local,
    })) {
      if (event.type === 'delta') reply += event.text;
      else if (event.type === 'usage')
        usage = { promptTokens: event.promptTokens, completionTokens: event.completionTokens };
    }
  } catch (error) {
    console.warn('[aside] RAG-Fusion rewrites failed; searching the question as asked', error);
    return null;
  }
  const queries = parseRewrites(reply, question);
  if (queries.length === 0) return null;
  return usage
    ? { queries, ...usage, estimated: false }
    : {
        queries,
        promptTokens: messages.reduce((sum, m) => sum + estimateTokens(String(m.content)), 0),
        completionTokens: estimateTokens(reply),
        estimated: true,
      };
}
