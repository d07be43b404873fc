import { createConversation, titleFrom } from '../db/conversations';
import { db } from '../db/database';
import { resolveProfile } from '../settings/profiles';

export interface CardExchange {
  /** What the card showed as the question: the action's name and the selection. */
  readonly question: string;
  /** The filled-in template that was sent. */
  readonly prompt: string;
  readonly answer: string;
  readonly model: string;
}

/**
 * Stores an in-page card's exchange as a conversation marked as an action's,
 * when the user first rates it, so it joins the fine-tuning data. Returns the
 * answer's message id: later ratings and edits go through `messages.*`.
 */
export async function storeRatedCard(exchange: CardExchange, rating: 'up' | 'down'): Promise<string> {
  const profile = await resolveProfile();
  const conversation = await createConversation(
    titleFrom(exchange.question.replace(/[*>]/g, '')),
    profile.id,
    exchange.model,
  );
  await db().conversations.update(conversation.id, { origin: 'action' });
  const now = Date.now();
  const answerId = crypto.randomUUID();
  await db().messages.bulkAdd([
    {
      id: crypto.randomUUID(),
      conversationId: conversation.id,
      role: 'user',
      content: exchange.question,
      prompt: exchange.prompt,
      status: 'complete',
      createdAt: now,
    },
    {
      id: answerId,
      conversationId: conversation.id,
      role: 'assistant',
      content: exchange.answer,
      status: 'complete',
      model: exchange.model,
      rating,
      createdAt: now + 1,
    },
  ]);
  return answerId;
}
