import type OpenAI from 'openai';
import type { ChatMessageParam } from '../llm/stream-completion';
import type { AgentEvent } from './agent-stream-protocol';
import { type CallHooks, executeToolCall } from './execute-tool-call';
import { toOpenAITools } from './openai-tools';
import type { RawToolCall } from './parse-tool-call';
import { parsePromptedReply, rejectsTools, toPromptedMessages } from './prompted-protocol';
import { aborted, failureCap, noMoreToolCalls, type StopReason, shouldStop, stepCount } from './stop-conditions';
import { type StepResult, streamStep } from './stream-step';
import type { AgentTool, ToolContext } from './tool';
import type { ToolMode } from './tool-modes';

export interface LoopHooks extends CallHooks {
  /** After every step, with the transcript so far (system prompt included), to persist it. */
  onTranscript?(messages: readonly ChatMessageParam[], steps: number): Promise<void>;
  /** Timing probes for the benchmark: tool results ready, next request handed to the network. */
  onToolResultsReady?(): void;
  onRequestSent?(): void;
  /** The provider rejected `tools`; the run switched to the prompted protocol (worth remembering). */
  onToolModeChange?(mode: ToolMode): Promise<void>;
}

export interface LoopOptions {
  readonly client: OpenAI;
  readonly model: string;
  readonly temperature?: number;
  readonly local?: boolean;
  readonly tools: readonly AgentTool[];
  /** System prompt first; the loop appends to it. */
  readonly messages: ChatMessageParam[];
  readonly context: ToolContext;
  readonly maxSteps: number;
  readonly maxConsecutiveFailures: number;
  /** `prompted` describes tools in the prompt for models without native tool calling. */
  readonly toolMode?: ToolMode;
  /** Steps already made (a resumed run counts on). */
  readonly stepsSoFar?: number;
  readonly usageSoFar?: { promptTokens: number; completionTokens: number };
  readonly emit: (event: AgentEvent) => void;
  readonly hooks: LoopHooks;
}

export interface LoopResult {
  readonly reason: StopReason;
  readonly text: string;
  readonly steps: number;
}

/**
 * The agent loop: ask the model, run the tool calls it makes (in parallel),
 * feed the results back, until a stop condition holds. Throws only on
 * provider failures and cancellation; tool failures go back to the model.
 */
export async function agentLoop(options: LoopOptions): Promise<LoopResult> {
  const { messages, context, emit, hooks } = options;
  const openAITools = toOpenAITools(options.tools);
  const conditions = [
    aborted,
    noMoreToolCalls,
    stepCount(options.maxSteps),
    failureCap(options.maxConsecutiveFailures),
  ];
  const usage = { ...(options.usageSoFar ?? { promptTokens: 0, completionTokens: 0 }) };
  let steps = options.stepsSoFar ?? 0;
  let failures = 0;
  let mode: ToolMode = options.toolMode ?? 'native';
  const usedIds = new Set(messages.flatMap((message) => (message.role === 'tool' ? [message.tool_call_id] : [])));
  for (;;) {
    let result: StepResult;
    try {
      result = await requestStep(options, mode, openAITools);
    } catch (error) {
      if (mode === 'prompted' || !rejectsTools(error)) throw error;
      mode = 'prompted';
      await hooks.onToolModeChange?.(mode);
      continue;
    }
    steps++;
    result = { ...result, toolCalls: uniqueCallIds(result.toolCalls, usedIds, steps) };
    if (result.usage) {
      usage.promptTokens += result.usage.promptTokens;
      usage.completionTokens += result.usage.completionTokens;
      emit({ type: 'usage', ...usage });
    }
    messages.push({
      role: 'assistant',
      content: result.text.length > 0 ? result.text : null,
      ...(result.toolCalls.length > 0
        ? {
            tool_calls: result.toolCalls.map((call) => ({
              id: call.id,
              type: 'function' as const,
              function: { name: call.name, arguments: call.arguments },
            })),
          }
        : {}),
    });
    const outcomes = await Promise.all(
      result.toolCalls.map((call) => executeToolCall(call, options.tools, context, hooks, emit)),
    );
    hooks.onToolResultsReady?.();
    outcomes.forEach((outcome, index) => {
      failures = outcome.failed ? failures + 1 : 0;
      messages.push({ role: 'tool', tool_call_id: result.toolCalls[index]?.id ?? '', content: outcome.content });
    });
    await hooks.onTranscript?.(messages, steps);
    const reason = shouldStop(conditions, {
      steps,
      lastToolCalls: result.toolCalls.length,
      consecutiveFailures: failures,
      aborted: context.signal.aborted,
    });
    if (reason) return { reason, text: result.text, steps };
  }
}

/** One model request in the given protocol; a prompted reply is parsed into the same tool calls. */
async function requestStep(
  options: LoopOptions,
  mode: ToolMode,
  openAITools: ReturnType<typeof toOpenAITools>,
): Promise<StepResult> {
  const { client, messages, context, emit, hooks } = options;
  const prompted = mode === 'prompted';
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
      ...(prompted ? {} : { tools: openAITools }),
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
function uniqueCallIds(calls: readonly RawToolCall[], used: Set<string>, step: number): RawToolCall[] {
  return calls.map((call, index) => {
    const id = used.has(call.id) ? `call_${step}_${index}_${used.size}` : call.id;
    used.add(id);
    return id === call.id ? call : { ...call, id };
  });
}
