import { describe, expect, it } from 'vitest';
import type { ChatMessageParam } from '../llm/stream-completion';
import { chatImageSchema } from './chat-image';
import { userContent } from './content-parts';
import { withImages } from './with-images';

const png = 'data:image/png;base64,iVBORw0KGgo=';
const jpeg = 'data:image/jpeg;base64,/9j/4AAQ';

describe('userContent', () => {
  it('is plain text without images', () => {
    expect(userContent('Hello')).toBe('Hello');
  });

  it('is the text then one image_url part per image', () => {
    expect(userContent('What is this?', [png, jpeg])).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: { url: png } },
      { type: 'image_url', image_url: { url: jpeg } },
    ]);
  });
});

describe('withImages', () => {
  const messages: ChatMessageParam[] = [
    { role: 'system', content: 'rules' },
    { role: 'user', content: 'first' },
    { role: 'assistant', content: 'answer' },
    { role: 'user', content: 'page text\n\nsecond' },
  ];

  it('gives each turn its own images, counting turns from the end', () => {
    const out = withImages(messages, [[png], [], [jpeg]]);
    expect(out[0]).toEqual(messages[0]);
    expect(out[1]?.content).toEqual(userContent('first', [png]));
    expect(out[2]).toEqual(messages[2]);
    expect(out[3]?.content).toEqual(userContent('page text\n\nsecond', [jpeg]));
  });

  it('leaves the prompt as it was when no turn has images', () => {
    expect(withImages(messages, [[], [], []])).toEqual(messages);
  });
});

describe('chatImageSchema', () => {
  const image = { dataUrl: jpeg, width: 10, height: 10, bytes: 6, source: 'screenshot' as const };

  it('takes a base64 image data URL', () => {
    expect(chatImageSchema.safeParse(image).success).toBe(true);
  });

  it.each([
    'https://evil.example/pixel.png',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'data:text/html;base64,PGI+',
    `${jpeg}"><img src=x>`,
  ])('refuses anything else: %s', (dataUrl) => {
    expect(chatImageSchema.safeParse({ ...image, dataUrl }).success).toBe(false);
  });

  it('refuses images over the size limits', () => {
    expect(chatImageSchema.safeParse({ ...image, width: 4096 }).success).toBe(false);
    expect(chatImageSchema.safeParse({ ...image, bytes: 50_000_000 }).success).toBe(false);
  });
});
