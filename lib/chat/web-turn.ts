import type OpenAI from 'openai';
import { db } from '../db/database';
import type { MessageRecord } from '../db/records';
import { streamCompletion } from '../llm/stream-completion';
import { parseQueries, rewritePrompt } from '../search/rewrite-queries';
import { type WebContext, webContext } from '../search/web-context';
import type { ChatEvent } from './chat-stream-protocol';

/**
 * A web question's excerpts, with its progress, rate-limit waits and skipped
 * pages streamed to the panel, and its sources, skipped pages and engine
 * stored with the answer before the model is asked anything.
 */
export async function webTurnContext(
  question: string,
  answer: MessageRecord,
  emit: (event: ChatEvent) => void,
  signal: AbortSignal,
  rewrite?: (question: string) => Promise<string[]>,
): Promise<WebContext> {
  const web = await webContext(question, {
    signal,
    ...(rewrite ? { rewrite } : {}),
    onProgress: (progress) => emit({ type: 'web', ...progress }),
    onRetry: (retry) =>
      emit({
        type: 'retry',
        attempt: retry.attempt,
        maxAttempts: retry.maxAttempts,
        delayMs: retry.delayMs,
        error: retry.error.toJSON(),
      }),
  });
  answer.sources = web.sources;
  emit({ type: 'sources', sources: web.sources });
  if (web.skipped.length > 0) emit({ type: 'skipped', skipped: web.skipped });
  await db().messages.update(answer.id, { sources: web.sources, skipped: web.skipped, webEngine: web.engine });
  return web;
}

/** The model's search queries for a question (one more request to the provider, when the settings ask for it). */
export async function rewriteWithModel(
  client: OpenAI,
  model: string,
  question: string,
  signal: AbortSignal,
  local: boolean,
): Promise<string[]> {
  let reply = '';
  for await (const event of streamCompletion(client, { model, messages: rewritePrompt(question) }, signal, { local })) {
    if (event.type === 'delta') reply += event.text;
  }
  return parseQueries(reply, question);
}
