import Dexie from 'dexie';
import { AsideError } from '../messaging/errors';
import { switchTo } from './answer-versions';
import { db } from './database';
import type { ConversationRecord, MessageRecord } from './records';

/** Messages of one conversation, oldest first. */
export function listMessages(conversationId: string): Promise<MessageRecord[]> {
  return db()
    .messages.where('[conversationId+createdAt]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
    .toArray();
}

export async function createConversation(title: string, profileId: string, model: string): Promise<ConversationRecord> {
  const now = Date.now();
  const record: ConversationRecord = {
    id: crypto.randomUUID(),
    title,
    createdAt: now,
    updatedAt: now,
    profileId,
    model,
  };
  await db().conversations.add(record);
  return record;
}

export async function touchConversation(id: string, changes: Partial<ConversationRecord> = {}): Promise<void> {
  await db().conversations.update(id, { ...changes, updatedAt: Date.now() });
}

export async function renameConversation(id: string, title: string): Promise<void> {
  await db().conversations.update(id, { title });
}

export async function deleteConversation(id: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.conversations, database.messages, async () => {
    const ids = (await listMessages(id)).map((message) => message.id);
    await database.messages.bulkDelete(ids);
    await database.conversations.delete(id);
  });
}

/** A short title from the first question, cut on a word or character boundary. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length <= 60 ? line : `${line.slice(0, 57)}…`;
}

/** Rates an answer, or clears its rating (null). */
export async function rateMessage(id: string, rating: 'up' | 'down' | null): Promise<void> {
  const message = await db().messages.get(id);
  if (message?.role !== 'assistant') throw new AsideError('not-found', 'That answer no longer exists.');
  // `update` (not `modify`) so open live queries see the change; undefined removes the property.
  await db().messages.update(id, { rating: rating ?? undefined });
}

/** Saves the user's rewrite of an answer (null goes back to the model's text); the original is kept. */
export async function editAnswer(id: string, text: string | null): Promise<void> {
  const message = await db().messages.get(id);
  if (message?.role !== 'assistant') throw new AsideError('not-found', 'That answer no longer exists.');
  const edited = text === null || text.trim() === message.content.trim() ? undefined : text;
  await db().messages.update(id, { edited });
}

/** Shows another version of a regenerated answer in its place. */
export async function showAnswerVersion(id: string, version: number): Promise<void> {
  const message = await db().messages.get(id);
  const changes = message ? switchTo(message, version) : null;
  if (!changes) throw new AsideError('not-found', 'That version of the answer no longer exists.');
  await db().messages.update(id, changes);
}
