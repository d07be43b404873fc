import { AsideError } from '../messaging/errors';
import type { AgentEvent, StepStatus } from './agent-stream-protocol';
import { parseToolCall, type RawToolCall } from './parse-tool-call';
import type { AgentTool, ToolContext } from './tool';

/** What the loop's owner provides for one tool call: consent, and recording the step. */
export interface CallHooks {
  /** Asks for consent to an effectful call; resolves false when the user denies it. */
  authorize(tool: AgentTool, input: unknown, call: RawToolCall): Promise<boolean>;
  onCallStart?(call: RawToolCall): Promise<void>;
  onCallEnd?(call: RawToolCall, status: StepStatus, preview: string, durationMs: number): Promise<void>;
}

export interface CallOutcome {
  /** What goes back to the model as the tool message. */
  readonly content: string;
  /** Counts towards the consecutive failure cap. A denial is an answer, not a failure. */
  readonly failed: boolean;
}

const previewChars = 240;

/**
 * Runs one tool call: parse (with one repair), consent for effects, run,
 * and turn any failure into a result the model can read. Never throws, except
 * for cancellation, which must end the run.
 */
export async function executeToolCall(
  call: RawToolCall,
  tools: readonly AgentTool[],
  context: ToolContext,
  hooks: CallHooks,
  emit: (event: AgentEvent) => void,
): Promise<CallOutcome> {
  const started = performance.now();
  emit({ type: 'tool-call', callId: call.id, name: call.name, arguments: call.arguments });
  await hooks.onCallStart?.(call);
  const finish = async (status: StepStatus, content: string): Promise<CallOutcome> => {
    const durationMs = Math.round(performance.now() - started);
    const preview = content.length > previewChars ? `${content.slice(0, previewChars)}…` : content;
    emit({ type: 'tool-result', callId: call.id, status, preview, durationMs });
    await hooks.onCallEnd?.(call, status, preview, durationMs);
    return { content, failed: status === 'error' };
  };

  const parsed = parseToolCall(call, tools);
  if (!parsed.ok) return finish('error', `Error: ${parsed.error}`);
  if (parsed.tool.risk === 'effect' && !(await hooks.authorize(parsed.tool, parsed.input, call))) {
    return finish(
      'denied',
      `The user denied this ${parsed.tool.name} call. Do not retry it; continue without it or ask the user what to do.`,
    );
  }
  try {
    const content = await parsed.tool.run(parsed.input, context);
    return finish('ok', parsed.repaired ? `(Arguments were repaired from invalid JSON.)\n${content}` : content);
  } catch (thrown) {
    if (context.signal.aborted) throw new AsideError('cancelled', 'Stopped.');
    const error = AsideError.from(thrown);
    if (error.code === 'cancelled') throw error;
    return finish(
      'error',
      `Error: ${error.message}${error.detail && error.detail !== error.message ? ` (${error.detail})` : ''}`,
    );
  }
}
