import { actionSystemPrompt } from '../actions/action-system-prompt';
import { allVersions } from '../db/answer-versions';
import type { AnswerVersion, ConversationRecord, MessageRecord } from '../db/records';
import { rewrapUntrusted, storedPromptNonce } from '../prompt/rewrap-untrusted';
import { newUntrustedNonce, type UntrustedNonce, untrustedContentRule } from '../prompt/untrusted';
import { type ExportFilter, recentEnough, score } from './export-filter';
import { type SftLine, sftLineSchema, type TrainingMessage } from './finetune-schemas';

/** The instruction every chat example starts with: what the fine-tuned model is for. */
export const chatSystemPrompt = 'You are Aside, an assistant in the browser side panel.';

/**
 * A chat's instruction; an in-page card's exchange keeps the actions' own, with
 * the untrusted-content rule for `nonce`, the one its prompts are re-marked with.
 */
export function systemPromptFor(conversation: Pick<ConversationRecord, 'origin'>, nonce: UntrustedNonce): string {
  return conversation.origin === 'action' ? `${actionSystemPrompt}\n${untrustedContentRule(nonce)}` : chatSystemPrompt;
}

/** An answer with the conversation before it, as training messages. */
export interface AnswerInContext {
  readonly context: readonly TrainingMessage[];
  readonly message: MessageRecord;
}

/** The text a version stands for: the user's rewrite when there is one. */
export const versionText = (version: Pick<AnswerVersion, 'content' | 'edited'>): string =>
  version.edited ?? version.content;

/**
 * Each answer of a chat with the turns before it (questions as they were sent,
 * so an action's filled-in template rather than its name; answers as the user
 * rewrote them). Stops at the first turn that cannot be training data: one
 * unfinished, empty, or two of the same role in a row.
 */
export function* answersInContext(
  messages: readonly MessageRecord[],
  systemPrompt: string,
  /** The nonce `systemPrompt` names: stored prompts' blocks are re-marked with it, as a request would be. */
  nonce: UntrustedNonce,
): Generator<AnswerInContext> {
  const history: TrainingMessage[] = [{ role: 'system', content: systemPrompt }];
  for (const message of messages) {
    if (message.status !== 'complete' || !message.content) return;
    if (message.role === history.at(-1)?.role || (message.role === 'assistant' && history.length === 1)) return;
    if (message.role === 'assistant') {
      yield { context: [...history], message };
      history.push({ role: 'assistant', content: versionText(message) });
    } else {
      const sent = message.prompt
        ? rewrapUntrusted(message.prompt, storedPromptNonce(message.prompt, message.promptNonce), nonce)
        : message.content;
      history.push({ role: 'user', content: sent });
    }
  }
}

/**
 * SFT lines from the user's chats: for each good answer (see `score`), the
 * conversation up to and including it, also for good earlier versions of a
 * regenerated answer. A conversation's turns after an answer rated 👎 are not used.
 */
export function chatSftLines(
  conversations: readonly ConversationRecord[],
  messagesOf: (conversationId: string) => readonly MessageRecord[],
  filter: ExportFilter,
): { lines: SftLine[]; skipped: number } {
  const lines: SftLine[] = [];
  let skipped = 0;
  for (const conversation of conversations) {
    if (!recentEnough(conversation.updatedAt, filter)) continue;
    // One nonce per conversation, as one request would have.
    const nonce = newUntrustedNonce();
    const answers = answersInContext(messagesOf(conversation.id), systemPromptFor(conversation, nonce), nonce);
    for (const { context, message } of answers) {
      for (const version of allVersions(message)) {
        if (version.status !== 'complete' || score(version, filter) !== 1) continue;
        if (filter.model && version.model !== filter.model) continue;
        const line = sftLineSchema.safeParse({
          messages: [...context, { role: 'assistant', content: versionText(version) }],
        });
        if (line.success) lines.push(line.data);
        else skipped++;
      }
      if (message.rating === 'down') break;
    }
  }
  return { lines, skipped };
}
