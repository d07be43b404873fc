/**
 * Chat Completions stream chunks shaped exactly like OpenAI's (see the real
 * recordings in ../shared/corpora/openai-sse): every chunk has id, object,
 * created, model, system_fingerprint and choices[{index, delta, logprobs,
 * finish_reason}]; the first carries the role; usage comes in a chunk of its
 * own with `choices: []`; the stream ends with `data: [DONE]`.
 */
export interface ChunkContext {
  readonly id: string;
  readonly created: number;
  readonly model: string;
}

export type Delta = Record<string, unknown>;

export function chunk(context: ChunkContext, delta: Delta, finishReason: string | null = null) {
  return {
    id: context.id,
    object: 'chat.completion.chunk',
    created: context.created,
    model: context.model,
    system_fingerprint: 'fp_aside_test',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

export function usageChunk(context: ChunkContext, promptTokens: number, completionTokens: number) {
  return {
    id: context.id,
    object: 'chat.completion.chunk',
    created: context.created,
    model: context.model,
    system_fingerprint: 'fp_aside_test',
    choices: [],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      completion_tokens_details: { reasoning_tokens: 0 },
    },
  };
}

/** One SSE event as the API frames it. */
export const sseEvent = (data: unknown) => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
export const sseDone = 'data: [DONE]\n\n';

/** Splits text into pieces of `size` characters (code points, so CJK is never cut in half). */
export function pieces(text: string, size: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

export interface ToolCallSpec {
  readonly name: string;
  /** The JSON arguments as a string; sent in fragments like the real API does. */
  readonly arguments: string;
  readonly id?: string;
}

/** Tool-call deltas: a header per call (id, type, name, empty arguments), then argument fragments per index. */
export function toolCallDeltas(calls: readonly ToolCallSpec[], fragmentSize: number): Delta[] {
  const deltas: Delta[] = [];
  calls.forEach((call, index) => {
    deltas.push({
      ...(index === 0 ? { role: 'assistant', content: null } : {}),
      tool_calls: [
        {
          index,
          id: call.id ?? `call_${index}_${call.name}`,
          type: 'function',
          function: { name: call.name, arguments: '' },
        },
      ],
      ...(index === 0 ? { refusal: null } : {}),
    });
    for (const fragment of pieces(call.arguments, fragmentSize)) {
      deltas.push({ tool_calls: [{ index, function: { arguments: fragment } }] });
    }
  });
  return deltas;
}

/** A rough token count for the usage chunk: the test server needs plausible numbers, not exact ones. */
export const roughTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));
