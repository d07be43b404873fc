import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { broken, error, type OpenAIServer, startOpenAIServer, text } from '../../tests/support/openai-server';
import { markInterruptedAnswers } from '../background/interrupted-answers';
import { listMessages, rateMessage } from '../db/conversations';
import { db } from '../db/database';
import { newUntrustedNonce, wrapUntrusted } from '../prompt/untrusted';
import { saveProfile } from '../settings/profiles';
import type { ChatEvent, ChatStart } from './chat-stream-protocol';
import { runChatTurn } from './run-chat-turn';

let server: OpenAIServer;

async function turn(start: ChatStart, signal = new AbortController().signal): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  await runChatTurn(start, (event) => events.push(event), signal);
  return events;
}

const send = (text: string, conversationId: string | null = null): ChatStart => ({
  kind: 'send',
  conversationId,
  text,
  pageTabId: null,
});

const startedIn = (events: ChatEvent[]) => {
  const started = events.find((event) => event.type === 'started');
  if (started?.type !== 'started') throw new Error('no started event');
  return started;
};

describe('runChatTurn', () => {
  beforeAll(async () => {
    server = await startOpenAIServer({ apiKey: 'sk-unit' });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    await saveProfile(
      { name: 'Unit', presetId: 'custom', baseURL: server.url, model: 'test-model', models: [] },
      'sk-unit',
    );
  });

  it('stores the question, streams the answer and stores it complete', async () => {
    server.enqueue(text('A streamed reply.', { reasoning: 'Hmm.' }));
    const events = await turn(send('Hello there'));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['started', 'reasoning', 'delta', 'usage', 'done']),
    );
    const { conversationId } = startedIn(events);
    const messages = await listMessages(conversationId);
    expect(messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Hello there', 'complete'],
      ['assistant', 'A streamed reply.', 'complete'],
    ]);
    expect(messages[1]?.reasoning).toBe('Hmm.');
    expect(messages[1]?.usage?.completionTokens).toBeGreaterThan(0);
    expect((await db().conversations.get(conversationId))?.title).toBe('Hello there');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer sk-unit');
  });

  it('sends the earlier turns of the conversation with a follow-up', async () => {
    server.enqueue(text('First.'), text('Second.'));
    const { conversationId } = startedIn(await turn(send('One')));
    await turn(send('Two', conversationId));
    const body = server.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(body.messages.slice(1).map((m) => [m.role, m.content])).toEqual([
      ['user', 'One'],
      ['assistant', 'First.'],
      ['user', 'Two'],
    ]);
  });

  it('keeps the partial answer of a broken stream, marked as an error', async () => {
    server.enqueue(broken('Half an ans'));
    const events = await turn(send('Break'));
    expect(events.at(-1)).toMatchObject({ type: 'error', partial: true, error: { code: 'stream-broken' } });
    const messages = await listMessages(startedIn(events).conversationId);
    expect(messages[1]).toMatchObject({ content: 'Half an ans', status: 'error', error: { code: 'stream-broken' } });
  });

  it('retries a rate limit after the wait the provider asks for', async () => {
    server.enqueue(error(429, { headers: { 'retry-after-ms': '10' } }), text('After waiting.'));
    const events = await turn(send('Busy?'));
    const retry = events.find((e) => e.type === 'retry');
    expect(retry).toMatchObject({ attempt: 2, delayMs: 10, error: { code: 'rate-limit' } });
    expect(events.at(-1)?.type).toBe('done');
    expect((await listMessages(startedIn(events).conversationId))[1]?.content).toBe('After waiting.');
  });

  it('does not retry a wrong key, and keeps the question', async () => {
    server.enqueue(error(401));
    const events = await turn(send('Key?'));
    expect(events.filter((e) => e.type === 'retry')).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'error', partial: false, error: { code: 'auth', status: 401 } });
    const messages = await listMessages(startedIn(events).conversationId);
    expect(messages[0]?.content).toBe('Key?');
  });

  it('stops when cancelled and stores what arrived as stopped', async () => {
    server.enqueue(text('word '.repeat(200), { chunkSize: 5, delayMs: 5 }));
    const controller = new AbortController();
    const events: ChatEvent[] = [];
    await runChatTurn(
      send('Long one'),
      (event) => {
        events.push(event);
        if (event.type === 'delta' && events.filter((e) => e.type === 'delta').length === 3) controller.abort();
      },
      controller.signal,
    );
    expect(events.at(-1)?.type).toBe('stopped');
    const answer = (await listMessages(startedIn(events).conversationId))[1];
    expect(answer?.status).toBe('stopped');
    expect(answer?.content.length).toBeGreaterThan(0);
    expect(answer?.content.length).toBeLessThan(1000);
  });

  it('regenerates the last answer keeping the old one, and edits a question, dropping what came after', async () => {
    server.enqueue(text('Old answer.'), text('New answer.'), text('Edited answer.'));
    const { conversationId, userMessageId } = startedIn(await turn(send('Question')));
    await turn({ kind: 'regenerate', conversationId, pageTabId: null });
    let messages = await listMessages(conversationId);
    expect(messages.map((m) => m.content)).toEqual(['Question', 'New answer.']);
    // The replaced answer is kept as version 1 of the new one (fine-tuning preference pairs).
    expect(messages[1]?.version).toBe(2);
    expect(messages[1]?.otherVersions?.map((v) => [v.version, v.content])).toEqual([[1, 'Old answer.']]);

    await turn({ kind: 'edit', conversationId, messageId: userMessageId, text: 'Better question', pageTabId: null });
    messages = await listMessages(conversationId);
    expect(messages.map((m) => m.content)).toEqual(['Better question', 'Edited answer.']);
  });

  it('loses no version or rating when the worker stops while Regenerate replaces the answer', async () => {
    server.enqueue(text('First answer.'), text('Second answer.'));
    const { conversationId } = startedIn(await turn(send('Question')));
    await turn({ kind: 'regenerate', conversationId, pageTabId: null });
    const [, answer] = await listMessages(conversationId);
    await rateMessage(answer?.id ?? '', 'up');
    const before = await listMessages(conversationId);

    // The worker stops right where the new answer (which carries the old versions) is written.
    const stop = () => {
      throw new Error('The service worker stopped.');
    };
    const creating = db().messages.hook('creating');
    creating.subscribe(stop);
    try {
      await expect(turn({ kind: 'regenerate', conversationId, pageTabId: null })).rejects.toThrow('worker stopped');
    } finally {
      creating.unsubscribe(stop);
    }
    const after = await listMessages(conversationId);
    expect(after).toEqual(before);
    expect(after[1]).toMatchObject({ content: 'Second answer.', rating: 'up', version: 2 });
    expect(after[1]?.otherVersions?.map((v) => v.content)).toEqual(['First answer.']);
  });

  it('sends what an action filled in, shows its name, and sends what the user typed after an edit', async () => {
    server.enqueue(text('Regenerated.'), text('Edited.'));
    // What a side-panel action leaves behind: its name shown, its filled-in template sent.
    const conversationId = 'c-action';
    await db().conversations.add({ id: conversationId, title: 'Translate', createdAt: 1, updatedAt: 1 });
    await db().messages.add({
      id: 'q',
      conversationId,
      role: 'user',
      content: 'Translate',
      prompt: 'Translate into English:\n<<<UNTRUSTED_CONTENT kind="selected text"\n你好\nUNTRUSTED_CONTENT>>>',
      status: 'complete',
      createdAt: 1,
    });
    await turn({ kind: 'regenerate', conversationId, pageTabId: null });
    let body = server.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(body.messages.at(-1)?.content).toContain('你好');
    // The wrapped selection comes with the rule that it is data, not instructions, and both use this
    // request's nonce (the stored prompt was wrapped before nonces existed).
    const close = body.messages[0]?.content.match(/UNTRUSTED_CONTENT_[0-9a-f]{16}>>>/)?.[0] ?? 'no marker in the rule';
    expect(body.messages.at(-1)?.content).toContain(`你好\n${close}`);

    await turn({ kind: 'edit', conversationId, messageId: 'q', text: 'Just say hello', pageTabId: null });
    body = server.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(body.messages.at(-1)?.content).toBe('Just say hello');
    expect((await db().messages.get('q'))?.prompt).toBeUndefined();
  });

  it("marks an earlier action's stored block with each new request's nonce, as its rule says", async () => {
    server.enqueue(text('First.'), text('Second.'));
    const stored = newUntrustedNonce();
    const conversationId = 'c-nonce';
    await db().conversations.add({ id: conversationId, title: 'Summarize', createdAt: 1, updatedAt: 1 });
    await db().messages.bulkAdd([
      {
        id: 'q',
        conversationId,
        role: 'user',
        content: 'Summarize',
        prompt: `Summarize:\n${wrapUntrusted('The page text.', { kind: 'web page' }, stored)}`,
        promptNonce: stored,
        status: 'complete',
        createdAt: 1,
      },
      { id: 'a', conversationId, role: 'assistant', content: 'A summary.', status: 'complete', createdAt: 2 },
    ]);
    await turn(send('Shorter?', conversationId));
    await turn(send('Even shorter?', conversationId));
    const closes = server.requests.slice(-2).map((request) => {
      const { messages } = request.body as { messages: { role: string; content: string }[] };
      const close = messages[0]?.content.match(/UNTRUSTED_CONTENT_[0-9a-f]{16}>>>/)?.[0] ?? 'no marker in the rule';
      expect(messages[1]?.content).toContain(`The page text.\n${close}`);
      expect(JSON.stringify(messages)).not.toContain(stored);
      return close;
    });
    expect(closes[0]).not.toBe(closes[1]);
  });

  it('explains that no provider is set up', async () => {
    fakeBrowser.reset();
    await db().settings.clear();
    await expect(turn(send('Anyone?'))).rejects.toMatchObject({ code: 'no-provider' });
  });

  it('marks answers left streaming by a stopped service worker as interrupted, keeping their text', async () => {
    const conversationId = 'c1';
    await db().messages.add({
      id: 'm1',
      conversationId,
      role: 'assistant',
      content: 'Partial',
      status: 'streaming',
      createdAt: 1,
    });
    await db().messages.add({ ...(await db().messages.get('m1'))!, id: 'm2', createdAt: 2000 });
    await markInterruptedAnswers(1000);
    expect(await db().messages.get('m1')).toMatchObject({
      content: 'Partial',
      status: 'error',
      error: { code: 'stream-broken' },
    });
    // An answer the new worker started itself is left streaming.
    expect((await db().messages.get('m2'))?.status).toBe('streaming');
  });
});
