import type OpenAI from 'openai';
import { toProviderError } from '../llm/provider-errors';
import type { ChatMessageParam } from '../llm/stream-completion';
import { AsideError } from '../messaging/errors';
import type { RawToolCall } from './parse-tool-call';

export interface StepRequest {
  readonly model: string;
  readonly messages: readonly ChatMessageParam[];
  readonly tools?: OpenAI.Chat.Completions.ChatCompletionTool[];
  readonly temperature?: number;
}

export interface StepResult {
  readonly text: string;
  readonly toolCalls: RawToolCall[];
  readonly usage?: { readonly promptTokens: number; readonly completionTokens: number };
  readonly finishReason: string;
}

/**
 * One streamed model request of the agent loop. Text deltas go to `onText` as
 * they arrive; tool call fragments are put together per index (parallel calls
 * arrive interleaved) and returned whole at the end.
 */
export async function streamStep(
  client: OpenAI,
  request: StepRequest,
  signal: AbortSignal,
  onText: (text: string) => void,
  options: { local?: boolean; onRequestSent?: () => void } = {},
): Promise<StepResult> {
  let stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
  try {
    const created = client.chat.completions.create(
      {
        model: request.model,
        messages: [...request.messages],
        stream: true,
        stream_options: { include_usage: true },
        ...(request.tools && request.tools.length > 0 ? { tools: request.tools, parallel_tool_calls: true } : {}),
        ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      },
      { signal },
    );
    options.onRequestSent?.();
    stream = await created;
  } catch (error) {
    throw toProviderError(error, options);
  }
  let text = '';
  let finishReason: string | null = null;
  let usage: StepResult['usage'];
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  try {
    for await (const chunk of stream) {
      if (chunk.usage) {
        usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      }
      const choice = chunk.choices.find((candidate) => candidate.index === 0);
      if (!choice) continue;
      if (choice.delta.content) {
        text += choice.delta.content;
        onText(choice.delta.content);
      }
      for (const part of choice.delta.tool_calls ?? []) {
        const call = calls.get(part.index) ?? { id: '', name: '', arguments: '' };
        if (part.id) call.id = part.id;
        if (part.function?.name) call.name += part.function.name;
        if (part.function?.arguments) call.arguments += part.function.arguments;
        calls.set(part.index, call);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (error) {
    if (signal.aborted) throw new AsideError('cancelled', 'Stopped.', { cause: error });
    const cause = toProviderError(error, options);
    if (cause.code === 'cancelled') throw cause;
    throw new AsideError('stream-broken', 'The answer stopped halfway.', { detail: cause.detail ?? cause.message });
  }
  if (signal.aborted) throw new AsideError('cancelled', 'Stopped.');
  if (finishReason === null) {
    throw new AsideError('stream-broken', 'The answer stopped halfway.', { detail: 'No finish reason.' });
  }
  const toolCalls = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, call]) => ({ ...call, id: call.id || `call_${index}` }));
  return { text, toolCalls, ...(usage ? { usage } : {}), finishReason };
}
