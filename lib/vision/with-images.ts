import type { ChatMessageParam } from '../llm/stream-completion';
import { userContent } from './content-parts';

/**
 * Puts each question's images into the prompt. Every prompt builder
 * (chat, library, web) ends with the conversation's turns, one message each,
 * in order, so the last `turnImages.length` messages are those turns; a user
 * turn with images gets content parts instead of its text alone.
 */
export function withImages(
  messages: readonly ChatMessageParam[],
  turnImages: readonly (readonly string[])[],
): ChatMessageParam[] {
  const offset = messages.length - turnImages.length;
  return messages.map((message, index) => {
    const images = index >= offset ? turnImages[index - offset] : undefined;
    if (!images || images.length === 0 || message.role !== 'user' || typeof message.content !== 'string') {
      return message;
    }
    return { ...message, content: userContent(message.content, images) };
  });
}
