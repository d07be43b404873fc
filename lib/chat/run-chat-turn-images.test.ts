import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type OpenAIServer, startOpenAIServer, text } from '../../tests/support/openai-server';
import { listMessages } from '../db/conversations';
import { db } from '../db/database';
import { saveProfile } from '../settings/profiles';
import { visionOverridesItem } from '../settings/secure-settings';
import type { ChatImage } from '../vision/chat-image';
import type { ChatEvent, ChatStart } from './chat-stream-protocol';
import { runChatTurn } from './run-chat-turn';

let server: OpenAIServer;
const image: ChatImage = {
  dataUrl: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==',
  width: 4,
  height: 3,
  bytes: 10,
  source: 'screenshot',
  name: 'A page',
};

async function turn(start: ChatStart): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  await runChatTurn(start, (event) => events.push(event), new AbortController().signal);
  return events;
}

const send = (text: string, conversationId: string | null, images?: ChatImage[]): ChatStart => ({
  kind: 'send',
  conversationId,
  text,
  pageTabId: null,
  ...(images ? { images } : {}),
});

const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions');
const lastMessages = () =>
  (
    (chatRequests().at(-1)?.body ?? { messages: [] }) as { messages: { role: string; content: unknown }[] }
  ).messages.slice(1);

describe('runChatTurn with images', () => {
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    await saveProfile(
      { name: 'Unit', presetId: 'custom', baseURL: server.url, model: 'test-model', models: [] },
      undefined,
    );
  });

  it('sends a question’s images as image_url parts, stores them with it, and sends them again with a follow-up', async () => {
    await visionOverridesItem.setValue({ 'test-model': true });
    server.enqueue(text('A page.'), text('Blue.'));
    const events = await turn(send('What is this?', null, [image]));
    const started = events.find((event) => event.type === 'started');
    if (started?.type !== 'started') throw new Error('not started');
    expect(lastMessages()).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: image.dataUrl } },
        ],
      },
    ]);
    expect((await listMessages(started.conversationId))[0]?.images).toEqual([image]);

    await turn(send('What colour?', started.conversationId));
    expect(lastMessages().map((message) => message.content)).toEqual([
      [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: image.dataUrl } },
      ],
      'A page.',
      'What colour?',
    ]);
  });

  it('refuses images for a model not marked as reading them, before storing or sending anything', async () => {
    const before = chatRequests().length;
    await expect(turn(send('What is this?', null, [image]))).rejects.toMatchObject({
      code: 'vision-unsupported',
      params: { model: 'test-model' },
    });
    expect(chatRequests()).toHaveLength(before);
    expect(await db().messages.count()).toBe(0);
  });

  it('regenerating a question with images after the model was switched off says why, and sends nothing', async () => {
    await visionOverridesItem.setValue({ 'test-model': true });
    server.enqueue(text('A page.'));
    const events = await turn(send('What is this?', null, [image]));
    const started = events.find((event) => event.type === 'started');
    if (started?.type !== 'started') throw new Error('not started');
    await visionOverridesItem.setValue({ 'test-model': false });
    const before = chatRequests().length;
    const again = await turn({ kind: 'regenerate', conversationId: started.conversationId, pageTabId: null });
    expect(again.at(-1)).toMatchObject({ type: 'error', error: { code: 'vision-unsupported' } });
    expect(chatRequests()).toHaveLength(before);
    expect((await listMessages(started.conversationId))[0]?.images).toEqual([image]);
  });

  it('leaves earlier images out when the chat goes on with a model that reads none', async () => {
    await visionOverridesItem.setValue({ 'test-model': true });
    server.enqueue(text('A page.'), text('Fine.'));
    const events = await turn(send('What is this?', null, [image]));
    const started = events.find((event) => event.type === 'started');
    if (started?.type !== 'started') throw new Error('not started');
    await visionOverridesItem.setValue({});
    await turn(send('Thanks', started.conversationId));
    expect(lastMessages().map((message) => message.content)).toEqual(['What is this?', 'A page.', 'Thanks']);
  });
});
