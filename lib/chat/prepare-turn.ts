import { carriedVersions } from '../db/answer-versions';
import { createConversation, listMessages, titleFrom, touchConversation } from '../db/conversations';
import { db } from '../db/database';
import type { AnswerVersion, MessageRecord } from '../db/records';
import type { FileInPrompt } from '../files/files-budget';
import { AsideError } from '../messaging/errors';
import type { ChatStart } from './chat-stream-protocol';

export interface PreparedTurn {
  readonly conversationId: string;
  readonly question: MessageRecord;
  /** Messages before the question, oldest first. */
  readonly history: readonly MessageRecord[];
  /** The answer, stored empty and streaming; on Regenerate it carries the answers it replaces as versions. */
  readonly answer: MessageRecord;
}

/**
 * Writes the user's side of a turn and the empty answer before anything is
 * sent, so nothing the user typed is lost whatever happens next. `send` adds a
 * question; `regenerate` replaces the answer after the last question, keeping
 * it as a version; `edit` rewrites a question and drops everything after it.
 * Each is one transaction: the worker stopping midway leaves the conversation
 * as it was, never without the answers a new one was to carry.
 */
export async function prepareTurn(
  start: ChatStart,
  profileId: string,
  model: string,
  /** A side-panel action's filled-in template, and the nonce its blocks were wrapped with. */
  sent?: { readonly prompt: string; readonly nonce: string },
  /** Local files attached to a new question, already cut to the budget. */
  files: readonly FileInPrompt[] = [],
): Promise<PreparedTurn> {
  const database = db();
  if (start.kind === 'send') {
    const conversationId =
      start.conversationId ?? (await createConversation(titleFrom(start.text), profileId, model)).id;
    return database.transaction('rw', database.messages, database.conversations, async () => {
      const history = start.conversationId ? await listMessages(conversationId) : [];
      const question: MessageRecord = {
        id: crypto.randomUUID(),
        conversationId,
        role: 'user',
        content: start.text,
        status: 'complete',
        ...(start.library ? { library: true } : {}),
        ...(start.web ? { web: true } : {}),
        ...(start.images ? { images: start.images } : {}),
        ...(sent ? { prompt: sent.prompt, promptNonce: sent.nonce } : {}),
        ...(files.length > 0 ? { files: [...files] } : {}),
        createdAt: Math.max(Date.now(), (history.at(-1)?.createdAt ?? 0) + 1),
      };
      const answer = emptyAnswer(question, model, []);
      await database.messages.bulkAdd([question, answer]);
      await touchConversation(conversationId, { profileId, model });
      return { conversationId, question, history, answer };
    });
  }

  const { conversationId } = start;
  return database.transaction('rw', database.messages, database.conversations, async () => {
    const messages = await listMessages(conversationId);
    const index =
      start.kind === 'edit'
        ? messages.findIndex((message) => message.id === start.messageId && message.role === 'user')
        : messages.findLastIndex((message) => message.role === 'user');
    const found = messages[index];
    if (!found) throw new AsideError('not-found', 'That message no longer exists.');
    // The question is asked again in the scope the panel is in now (page, library or web).
    // An edited action message is a plain question now: what the user typed is what is sent.
    const { prompt: _sentBefore, promptNonce: _itsNonce, ...plain } = found;
    const question: MessageRecord = {
      ...(start.kind === 'edit' ? { ...plain, content: start.text } : found),
      library: start.library === true,
      web: start.web === true,
    };
    // A regenerated answer's predecessors stay, for the version switcher and preference pairs.
    const carried = start.kind === 'regenerate' ? carriedVersions(messages[index + 1]) : [];
    const answer = emptyAnswer(question, model, carried);
    await database.messages.put(question);
    await database.messages.bulkDelete(messages.slice(index + 1).map((message) => message.id));
    await database.messages.add(answer);
    await touchConversation(conversationId, { profileId, model });
    return { conversationId, question, history: messages.slice(0, index), answer };
  });
}

function emptyAnswer(question: MessageRecord, model: string, carried: readonly AnswerVersion[]): MessageRecord {
  return {
    id: crypto.randomUUID(),
    conversationId: question.conversationId,
    role: 'assistant',
    content: '',
    status: 'streaming',
    model,
    ...(carried.length > 0
      ? { otherVersions: [...carried], version: Math.max(...carried.map((v) => v.version)) + 1 }
      : {}),
    createdAt: question.createdAt + 1,
  };
}
