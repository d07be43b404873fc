import { z } from 'zod';
import type { ConversationRecord, MessageRecord } from '../db/records';

/** One line of OpenAI's chat fine-tuning format (tools are not in Aside's chats yet). */
export const fineTuneLineSchema = z
  .object({
    messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) })).min(2),
  })
  .refine(({ messages }) => messages.at(-1)?.role === 'assistant', 'the last message must be the assistant’s')
  .refine(
    ({ messages }) =>
      messages
        .filter((message) => message.role !== 'system')
        .every((message, i) => message.role === (i % 2 === 0 ? 'user' : 'assistant')),
    'user and assistant must alternate, starting with the user',
  );
export type FineTuneLine = z.infer<typeof fineTuneLineSchema>;

export interface FineTuneFilter {
  /** Only conversations updated at or after this time (ms). */
  readonly since?: number;
  /** Only answers from this model. */
  readonly model?: string;
}

/** The instruction every example starts with: what the fine-tuned model is for. */
const systemPrompt = 'You are Aside, an assistant in the browser side panel.';

/**
 * Fine-tuning examples from the user's rated chats: for each answer rated 👍,
 * the conversation up to and including it (questions as they were sent, so an
 * action's filled-in template rather than its name). Answers rated 👎 are
 * never a target, and a conversation's turns after a 👎 answer are not used.
 */
export function fineTuneLines(
  conversations: readonly ConversationRecord[],
  messagesOf: (conversationId: string) => readonly MessageRecord[],
  filter: FineTuneFilter = {},
): FineTuneLine[] {
  const lines: FineTuneLine[] = [];
  for (const conversation of conversations) {
    if (filter.since !== undefined && conversation.updatedAt < filter.since) continue;
    const history: FineTuneLine['messages'] = [{ role: 'system', content: systemPrompt }];
    for (const message of messagesOf(conversation.id)) {
      if (message.status !== 'complete' || !message.content) break;
      if (message.role === 'assistant' && message.rating === 'down') break;
      const turn = {
        role: message.role,
        content: message.role === 'user' ? (message.prompt ?? message.content) : message.content,
      };
      // A question without its answer (or two in a row) cannot be a training turn.
      if (turn.role === history.at(-1)?.role) break;
      history.push(turn);
      const wanted = !filter.model || message.model === filter.model;
      if (message.role === 'assistant' && message.rating === 'up' && wanted) {
        const line = { messages: [...history] };
        if (fineTuneLineSchema.safeParse(line).success) lines.push(line);
      }
    }
  }
  return lines;
}

/** The JSONL file: one example per line. */
export function toJsonl(lines: readonly FineTuneLine[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + (lines.length > 0 ? '\n' : '');
}
