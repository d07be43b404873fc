import { storage } from 'wxt/utils/storage';
import { createConversation, titleFrom } from '../db/conversations';
import { db } from '../db/database';
import { resolveProfile } from '../settings/profiles';

/**
 * What the in-page UI hands to the side panel: a conversation to show (from
 * "Continue in side panel") or text to put in the composer ("Ask about this").
 * The panel takes it and clears it. Kept in `storage.session`, which only
 * Aside's own contexts can read or write (not content scripts).
 */
export interface PanelHandoff {
  readonly conversationId?: string;
  readonly draft?: string;
  readonly at: number;
}

export const panelHandoffItem = storage.defineItem<PanelHandoff | null>('session:panelHandoff', {
  fallback: null,
  version: 1,
});

/** The selection quoted as Markdown, ready for a question below it. */
export function quoteForComposer(selection: string): string {
  const quoted = selection
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `${quoted}\n\n`;
}

/** Stores a card's exchange as a new conversation, so the chat can go on from it. */
export async function conversationFromCard(question: string, answer: string): Promise<string> {
  const profile = await resolveProfile();
  const conversation = await createConversation(titleFrom(question.replace(/[*>]/g, '')), profile.id, profile.model);
  const now = Date.now();
  await db().messages.bulkAdd([
    {
      id: crypto.randomUUID(),
      conversationId: conversation.id,
      role: 'user',
      content: question,
      status: 'complete',
      createdAt: now,
    },
    {
      id: crypto.randomUUID(),
      conversationId: conversation.id,
      role: 'assistant',
      content: answer,
      status: 'complete',
      model: profile.model,
      createdAt: now + 1,
    },
  ]);
  return conversation.id;
}
