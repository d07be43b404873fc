import { z } from 'zod';

/**
 * The formats Aside exports, as zod schemas: every exported line is parsed
 * with them before it is written. SFT lines follow OpenAI's chat fine-tuning
 * format, preference pairs OpenAI's DPO format or the plain
 * `prompt`/`chosen`/`rejected` form (TRL's conversational preference format).
 */

const toolCallSchema = z.strictObject({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.strictObject({
    name: z.string().min(1),
    arguments: z.string().refine(isJsonObject, 'tool call arguments must be a JSON object'),
  }),
});

export const trainingMessageSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('system'), content: z.string().min(1) }),
  z.strictObject({ role: z.literal('user'), content: z.string().min(1) }),
  z
    .strictObject({
      role: z.literal('assistant'),
      content: z.string().min(1).optional(),
      tool_calls: z.array(toolCallSchema).min(1).optional(),
    })
    .refine((message) => message.content !== undefined || message.tool_calls !== undefined, 'an empty answer'),
  z.strictObject({ role: z.literal('tool'), tool_call_id: z.string().min(1), content: z.string() }),
]);
export type TrainingMessage = z.infer<typeof trainingMessageSchema>;

export const toolDefinitionSchema = z.strictObject({
  type: z.literal('function'),
  function: z.strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()),
  }),
});
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;

/**
 * Why a conversation is not a valid training conversation, or null. Rules:
 * an optional system message first; the user speaks first; a user message is
 * answered by the assistant; an assistant's tool calls are each answered by
 * exactly one `tool` message with the same id before anyone else speaks; tool
 * messages answer only such calls; every called tool is defined in `tools`.
 */
export function conversationProblem(
  messages: readonly TrainingMessage[],
  tools: readonly ToolDefinition[] | undefined,
  end: 'assistant' | 'prompt',
): string | null {
  const defined = new Set(tools?.map((tool) => tool.function.name));
  // Who must speak next: the user (at the start, after an answer), the assistant, or tools (calls open).
  let next: 'user' | 'assistant' | 'tool' = 'user';
  let open = new Set<string>();
  for (const [i, message] of messages.entries()) {
    const at = `message ${i + 1} (${message.role})`;
    if (message.role === 'system') {
      if (i !== 0) return `${at}: a system message after the start`;
      continue;
    }
    if (next === 'tool' && message.role !== 'tool') return `${at}: tool calls ${[...open].join(', ')} not answered`;
    if (message.role === 'tool') {
      if (!open.delete(message.tool_call_id)) return `${at}: a tool result without its call`;
      if (open.size === 0) next = 'assistant';
      continue;
    }
    if (message.role !== next) return `${at}: expected the ${next}`;
    if (message.role === 'user') {
      next = 'assistant';
      continue;
    }
    const ids: string[] = message.tool_calls?.map((call) => call.id) ?? [];
    if (new Set(ids).size !== ids.length) return `${at}: two tool calls with the same id`;
    const unknown = message.tool_calls?.find((call) => !defined.has(call.function.name));
    if (unknown) return `${at}: tool ${unknown.function.name} is not in tools`;
    open = new Set(ids);
    next = ids.length > 0 ? 'tool' : 'user';
  }
  if (next === 'tool') return `tool calls ${[...open].join(', ')} not answered`;
  const last = messages.at(-1);
  if (end === 'assistant') {
    if (last?.role !== 'assistant' || last.tool_calls) return 'the last message must be the assistant’s answer';
  } else if (next !== 'assistant') {
    return 'a prompt must end with the user’s turn (or answered tool calls)';
  }
  return null;
}

function refineConversation(end: 'assistant' | 'prompt') {
  return (
    value: { messages: readonly TrainingMessage[]; tools?: readonly ToolDefinition[] | undefined },
    context: z.RefinementCtx,
  ) => {
    const problem = conversationProblem(value.messages, value.tools, end);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['messages'] });
  };
}

/** One line of OpenAI's chat fine-tuning format. */
export const sftLineSchema = z
  .strictObject({
    messages: z.array(trainingMessageSchema).min(2),
    tools: z.array(toolDefinitionSchema).min(1).optional(),
  })
  .superRefine(refineConversation('assistant'));
export type SftLine = z.infer<typeof sftLineSchema>;

const answerSchema = z.strictObject({ role: z.literal('assistant'), content: z.string().min(1) });

/** The conversation a preference pair answers. */
export const pairPromptSchema = z
  .strictObject({
    messages: z.array(trainingMessageSchema).min(1),
    tools: z.array(toolDefinitionSchema).min(1).optional(),
  })
  .superRefine(refineConversation('prompt'));

/** One line of OpenAI's preference (DPO) fine-tuning format. */
export const dpoLineSchema = z
  .strictObject({
    input: pairPromptSchema,
    preferred_output: z.array(answerSchema).length(1),
    non_preferred_output: z.array(answerSchema).length(1),
  })
  .refine((line) => line.preferred_output[0]?.content !== line.non_preferred_output[0]?.content, 'the same answer');
export type DpoLine = z.infer<typeof dpoLineSchema>;

/** One line of the plain form: `prompt` (messages), `chosen` and `rejected` (one assistant message each). */
export const plainPairLineSchema = z
  .strictObject({
    prompt: z.array(trainingMessageSchema).min(1),
    chosen: z.array(answerSchema).length(1),
    rejected: z.array(answerSchema).length(1),
    tools: z.array(toolDefinitionSchema).min(1).optional(),
  })
  .superRefine((line, context) => {
    const problem = conversationProblem(line.prompt, line.tools, 'prompt');
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['prompt'] });
    if (line.chosen[0]?.content === line.rejected[0]?.content)
      context.addIssue({ code: 'custom', message: 'the same answer' });
  });
export type PlainPairLine = z.infer<typeof plainPairLineSchema>;

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
