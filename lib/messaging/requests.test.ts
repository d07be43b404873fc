import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AsideError } from './errors';
import { callBackground, serveBackgroundRequests } from './requests';

const noHandler = async () => {
  throw new Error('not used in this test');
};

function serve(overrides: Partial<Parameters<typeof serveBackgroundRequests>[0]>) {
  return serveBackgroundRequests({
    'profiles.save': noHandler,
    'profiles.delete': noHandler,
    'profiles.activate': noHandler,
    'provider.testConnection': noHandler,
    'provider.detectLocal': noHandler,
    'page.preview': noHandler,
    'conversations.rename': noHandler,
    'conversations.delete': noHandler,
    'data.deleteEverything': noHandler,
    'library.saveTab': noHandler,
    'autosave.offer': noHandler,
    'library.delete': noHandler,
    'library.setTags': noHandler,
    'library.saveSelection': noHandler,
    'library.restore': noHandler,
    'library.import': noHandler,
    'embedded.injectUi': noHandler,
    'ingest.control': noHandler,
    'messages.rate': noHandler,
    'messages.edit': noHandler,
    'messages.showVersion': noHandler,
    'runs.rate': noHandler,
    'runs.editFinal': noHandler,
    'actions.rateCard': noHandler,
    'rag.indexStats': noHandler,
    'embedder.embed': noHandler,
    'embedder.prepare': noHandler,
    'embedder.progress': noHandler,
    'agent.respond': noHandler,
    'team.interject': noHandler,
    'runs.stop': noHandler,
    'team.setTasks': noHandler,
    'actions.askInPanel': noHandler,
    'actions.saveSelection': noHandler,
    'actions.continueInPanel': noHandler,
    ...overrides,
  });
}

describe('typed requests', () => {
  beforeEach(() => fakeBrowser.reset());

  it('delivers a validated request and returns the typed response', async () => {
    serve({ 'provider.testConnection': async ({ profile }) => ({ models: [`${profile.model}-a`, 'b'] }) });
    const result = await callBackground('provider.testConnection', {
      profile: { name: 'x', presetId: 'custom', baseURL: 'http://127.0.0.1:1/v1', model: 'm', models: [] },
    });
    expect(result.models).toEqual(['m-a', 'b']);
    expectTypeOf(result).toEqualTypeOf<{ models: string[] }>();
  });

  it('rejects a request that fails its schema before the handler runs', async () => {
    let called = false;
    serve({
      'conversations.rename': async () => {
        called = true;
        return {};
      },
    });
    const sent = callBackground('conversations.rename', { id: 'a', title: '' });
    await expect(sent).rejects.toMatchObject({ name: 'AsideError', code: 'invalid-message' });
    expect(called).toBe(false);
  });

  it('rebuilds a named error on the calling side with its code and detail', async () => {
    serve({
      'provider.detectLocal': async () => {
        throw new AsideError('auth', 'rejected', { status: 401, detail: 'Incorrect API key provided' });
      },
    });
    const error = await callBackground('provider.detectLocal', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AsideError);
    expect(error).toMatchObject({ code: 'auth', status: 401, detail: 'Incorrect API key provided' });
  });

  it('turns an unexpected throw into an internal error instead of hanging', async () => {
    serve({
      'provider.detectLocal': async () => {
        throw new TypeError('boom');
      },
    });
    await expect(callBackground('provider.detectLocal', {})).rejects.toMatchObject({
      code: 'internal',
      detail: 'boom',
    });
  });

  it('ignores messages that are not Aside envelopes', async () => {
    serve({});
    await expect(fakeBrowser.runtime.sendMessage({ hello: 'world' })).resolves.toBeUndefined();
  });
});
