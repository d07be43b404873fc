import type { LoopOptions } from './agent-loop';
import type { toOpenAITools } from './openai-tools';
import type { RawToolCall } from './parse-tool-call';
import { parsePromptedReply, toPromptedMessages } from './prompted-protocol';
import { type StepResult, streamStep } from './stream-step';
import type { ToolMode } from './tool-modes';

/** One model request in the given protocol; a prompted reply is parsed into the same tool calls. */
export async function requestStep(
  options: LoopOptions,
  mode: ToolMode,
  openAITools: ReturnType<typeof toOpenAITools>,
): Promise<StepResult> {
  const { client, messages, context, emit, hooks } = options;
  // A turn without tools (a team manager's) needs neither protocol.
  const prompted = mode === 'prompted' && options.tools.length > 0;
  // A prompted reply that is a JSON tool call is not shown as text while it streams.
  let pending = '';
  let hidden: boolean | null = null;
  const onText = (text: string) => {
    if (!prompted) return emit({ type: 'delta', text });
    pending += text;
    if (hidden === null) {
      if (!pending.trim()) return;
      hidden = /^\s*[{`]/.test(pending);
    }
    if (!hidden) emit({ type: 'delta', text: pending });
    pending = '';
  };
  const result = await streamStep(
    client,
    {
      model: options.model,
      messages: prompted ? toPromptedMessages(messages, options.tools) : messages,
      ...(prompted || openAITools.length === 0 ? {} : { tools: openAITools }),
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    },
    context.signal,
    onText,
    {
      ...(options.local ? { local: true } : {}),
      ...(hooks.onRequestSent ? { onRequestSent: hooks.onRequestSent } : {}),
    },
  );
  if (!prompted) return result;
  const parsed = parsePromptedReply(result.text, messages.length);
  return { ...result, text: parsed.text, toolCalls: parsed.toolCalls };
}

/**
 * Call ids as the rest of Aside needs them: unique within the run. Some models
 * number their calls from zero at every step, or repeat an id within one.
 */
export function uniqueCallIds(calls: readonly RawToolCall[], used: Set<string>, step: number): RawToolCall[] {
  return calls.map((call, index) => {
    const id = used.has(call.id) ? `call_${step}_${index}_${used.size}` : call.id;
    used.add(id);
    return id === call.id ? call : { ...call, id };
  });
}
