import type OpenAI from 'openai';

export type UserContent = string | OpenAI.Chat.Completions.ChatCompletionContentPart[];

/**
 * A user message's content: plain text, or (with images) the OpenAI content
 * parts every vision provider's compatible API takes: the text first, then
 * each image as an `image_url` part carrying its data URL.
 */
export function userContent(text: string, images: readonly string[] = []): UserContent {
  if (images.length === 0) return text;
  return [{ type: 'text', text }, ...images.map((url) => ({ type: 'image_url' as const, image_url: { url } }))];
}
