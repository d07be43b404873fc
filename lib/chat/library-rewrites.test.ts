import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { error, type OpenAIServer, raw, startOpenAIServer, text } from '../../tests/support/openai-server';
import { db } from '../db/database';
import { createClient } from '../llm/client';
import { closeRagIndexes } from '../rag/index-cache';
import { ragFusionItem } from '../settings/secure-settings';
import { libraryRewrites } from './library-rewrites';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

describe('libraryRewrites', () => {
  beforeEach(async () => {
    closeRagIndexes();
    await db().delete({ disableAutoOpen: false });
    server.requests.length = 0;
    await ragFusionItem.setValue({ mode: 'on' });
  });
  const ask = (question = 'How do bridges fail?', budgetMs = 2500) =>
    libraryRewrites(question, {
      client: createClient({ baseURL: server.url, apiKey: '' }),
      model: 'test-model',
      local: true,
      signal: new AbortController().signal,
      budgetMs,
    });

  it('sends the question alone to the chat model and returns its rewrites with the usage it reported', async () => {
    server.enqueue(text('["bridge collapse causes", "structural failure of bridges"]'));
    const rewrites = await ask();
    expect(rewrites).toMatchObject({ queries: ['bridge collapse causes', 'structural failure of bridges'] });
    expect(rewrites?.estimated).toBe(false);
    expect(rewrites?.completionTokens).toBeGreaterThan(0);
    const body = server.requests[0]?.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe('test-model');
    expect(body.messages.filter((m) => m.role === 'user')).toEqual([{ role: 'user', content: 'How do bridges fail?' }]);
  });

  it('estimates the cost, and says so, when the provider reports no usage', async () => {
    const event = (delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    server.enqueue(raw(`${event({ content: '["bridge collapse causes"]' })}${event({}, 'stop')}data: [DONE]\n\n`));
    const rewrites = await ask();
    expect(rewrites?.queries).toEqual(['bridge collapse causes']);
    expect(rewrites?.estimated).toBe(true);
    expect(rewrites?.promptTokens).toBeGreaterThan(0);
    expect(rewrites?.completionTokens).toBeGreaterThan(0);
  });

  it('falls back to the plain question (null) on a failed, late or junk reply', async () => {
    server.enqueue(error(500));
    expect(await ask()).toBeNull();
    server.enqueue(text('["too late"]', { hangMs: 1000 }));
    expect(await ask('How do bridges fail?', 100)).toBeNull();
    server.enqueue(text('Sure, here are some queries:\n```\n```'));
    expect(await ask()).toBeNull();
  });

  it('sends nothing when the setting is off, or on Auto for a specific question of middling length', async () => {
    await ragFusionItem.setValue({ mode: 'off' });
    expect(await ask('climate change?')).toBeNull();
    await ragFusionItem.setValue({ mode: 'auto' });
    expect(await ask('When did the Loxley bridge over the river Don open?')).toBeNull();
    expect(server.requests).toEqual([]);
  });
});
