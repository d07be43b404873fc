import type OpenAI from 'openai';
import type { ChatMessageParam } from '../llm/stream-completion';
import type { AgentEvent } from './agent-stream-protocol';
import { type CallHooks, executeToolCall } from './execute-tool-call';
import { toOpenAITools } from './openai-tools';
import { rejectsTools } from './prompted-protocol';
import { requestStep, uniqueCallIds } from './request-step';
import { aborted, failureCap, noMoreToolCalls, type StopReason, shouldStop, stepCount } from './stop-conditions';
import type { StepResult } from './stream-step';
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
