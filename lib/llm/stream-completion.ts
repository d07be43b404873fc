import type OpenAI from 'openai';
import { AsideError } from '../messaging/errors';
import { toProviderError } from './provider-errors';

export type ChatMessageParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/** What one streamed completion yields, provider quirks already smoothed out. */
export type CompletionEvent =
  | { readonly type: 'delta'; readonly text: string }
  | { readonly type: 'reasoning'; readonly text: string }
  | { readonly type: 'usage'; readonly promptTokens: number; readonly completionTokens: number }
  | { readonly type: 'finish'; readonly reason: string };

export interface CompletionRequest {
  readonly model: string;
  readonly messages: readonly ChatMessageParam[];
  readonly temperature?: number;
}

/** DeepSeek-R1 and its hosts send `reasoning_content`; OpenRouter sends `reasoning`. */
interface ReasoningDelta {
  readonly reasoning_content?: string | null;
  readonly reasoning?: string | null;
}

/**
 * Streams one chat completion through the openai SDK. Throws an AsideError:
 * provider errors before the first byte keep their status code; anything that
 * breaks after the stream began, or a stream that ends without a finish
 * reason, is `stream-broken`, so the caller keeps the partial answer.
 */
export async function* streamCompletion(
  client: OpenAI,
  request: CompletionRequest,
  signal: AbortSignal,
  options: { local?: boolean } = {},
): AsyncGenerator<CompletionEvent> {
  let stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
  try {
    stream = await client.chat.completions.create(
      {
        model: request.model,
        messages: [...request.messages],
        stream: true,
        stream_options: { include_usage: true },
        ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      },
      { signal },
    );
  } catch (error) {
    throw toProviderError(error, options);
  }

  let finishReason: string | null = null;
  try {
    for await (const chunk of stream) {
      if (chunk.usage) {
        yield {
          type: 'usage',
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
        };
      }
      // With n > 1 a chunk may carry another choice first; Aside reads choice 0.
      const choice = chunk.choices.find((candidate) => candidate.index === 0);
      if (!choice) continue;
      const delta = choice.delta as typeof choice.delta & ReasoningDelta;
      const reasoning = delta.reasoning_content ?? delta.reasoning;
      if (reasoning) yield { type: 'reasoning', text: reasoning };
      if (delta.content) yield { type: 'delta', text: delta.content };
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (error) {
    if (signal.aborted) throw new AsideError('cancelled', 'Stopped.', { cause: error });
    const cause = toProviderError(error, options);
    if (cause.code === 'cancelled') throw cause;
    throw new AsideError('stream-broken', 'The answer stopped halfway.', {
      detail: cause.detail ?? cause.message,
      cause: error,
    });
  }
  if (signal.aborted) throw new AsideError('cancelled', 'Stopped.');
  if (finishReason === null) {
    throw new AsideError('stream-broken', 'The answer stopped halfway.', {
      detail: 'The stream ended without a finish reason.',
    });
  }
  yield { type: 'finish', reason: finishReason };
}
