import type { ChatMessageParam } from '../llm/stream-completion';
import { AsideError } from '../messaging/errors';
import { toolParameters } from './openai-tools';
import { type RawToolCall, repairJson } from './parse-tool-call';
import type { AgentTool } from './tool';

/**
 * Tool calling for models without it: the tools are described in the system
 * prompt and the model answers with a JSON object naming the calls. The
 * transcript stays in the native shape; only the request is rewritten, so a
 * run can switch protocols midway and the same parser checks every call.
 */
export function promptedToolsInstruction(tools: readonly AgentTool[]): string {
  const list = tools.map(
    (tool) => `- ${tool.name}: ${tool.description}\n  arguments: ${JSON.stringify(toolParameters(tool))}`,
  );
  return [
    'You can call these tools:',
    ...list,
    'To call tools, reply with only a JSON object and nothing else:',
    '{"tool_calls": [{"name": "<tool name>", "arguments": {…}}]}',
    'Several calls may go in the list. Results come back in the next user message as "Tool result".',
    'When you have the final answer, reply with plain text (Markdown), not JSON.',
  ].join('\n');
}

/** The native transcript rewritten for a provider that knows no tools: calls as JSON text, results as user turns. */
export function toPromptedMessages(
  messages: readonly ChatMessageParam[],
  tools: readonly AgentTool[],
): ChatMessageParam[] {
  const names = new Map<string, string>();
  return messages.map((message, index): ChatMessageParam => {
    if (message.role === 'system' && index === 0) {
      return { role: 'system', content: `${message.content}\n\n${promptedToolsInstruction(tools)}` };
    }
    if (message.role === 'assistant' && message.tool_calls && message.tool_calls.length > 0) {
      const calls = message.tool_calls.flatMap((call) => {
        if (call.type !== 'function') return [];
        names.set(call.id, call.function.name);
        return [{ name: call.function.name, arguments: safeJson(call.function.arguments) }];
      });
      const prefix = typeof message.content === 'string' && message.content ? `${message.content}\n` : '';
      return { role: 'assistant', content: `${prefix}${JSON.stringify({ tool_calls: calls })}` };
    }
    if (message.role === 'tool') {
      const name = names.get(message.tool_call_id) ?? 'tool';
      return { role: 'user', content: `Tool result (${name}, ${message.tool_call_id}):\n${String(message.content)}` };
    }
    return message;
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

interface PromptedCall {
  readonly name?: unknown;
  readonly tool?: unknown;
  readonly arguments?: unknown;
  readonly args?: unknown;
}

/**
 * Reads a prompted reply: a JSON object with `tool_calls` (or a single call),
 * bare or in a code fence, possibly after some text; anything else is the answer.
 */
export function parsePromptedReply(text: string, step: number): { text: string; toolCalls: RawToolCall[] } {
  const fenced = text.match(/```(?:json)?\s*(\{[\s\S]*\})\s*```/i);
  const start = text.indexOf('{');
  const candidate = fenced?.[1] ?? (start >= 0 && /"(tool_calls|tool|name)"\s*:/.test(text) ? text.slice(start) : null);
  if (candidate === null) return { text, toolCalls: [] };
  const before = text.slice(0, fenced ? fenced.index : start).trim();
  const parsed = parseObject(candidate);
  if (parsed === null) {
    // It meant to call a tool; the loop's parser reports the broken JSON to the model.
    const name = candidate.match(/"(?:name|tool)"\s*:\s*"([^"]+)"/)?.[1] ?? 'unknown';
    return { text: before, toolCalls: [{ id: `call_${step}_0`, name, arguments: candidate }] };
  }
  const list: PromptedCall[] = Array.isArray(parsed.tool_calls)
    ? (parsed.tool_calls as PromptedCall[])
    : parsed.name || parsed.tool
      ? [parsed as PromptedCall]
      : [];
  if (list.length === 0) return { text, toolCalls: [] };
  const toolCalls = list.map((call, index) => {
    const args = call.arguments ?? call.args ?? {};
    return {
      id: `call_${step}_${index}`,
      name: String(call.name ?? call.tool ?? ''),
      arguments: typeof args === 'string' ? args : JSON.stringify(args),
    };
  });
  return { text: before, toolCalls };
}

function parseObject(text: string): Record<string, unknown> | null {
  for (const attempt of [text, repairJson(text)]) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // try the repaired text next
    }
  }
  return null;
}

/** A 400 whose message is about tools: the provider (or model) does not do native tool calling. */
export function rejectsTools(error: unknown): boolean {
  if (!(error instanceof AsideError) || error.code !== 'bad-request') return false;
  return /\btools?\b|function.?call/i.test(`${error.message} ${error.detail ?? ''}`);
}
