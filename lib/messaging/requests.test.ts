import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AsideError } from './errors';
import { backgroundRequests } from './protocol';
import { callBackground, serveBackgroundRequests } from './requests';

const extensionId = 'test-extension-id';
const panel: Browser.runtime.MessageSender = {
  id: extensionId,
  url: `chrome-extension://${extensionId}/sidepanel.html`,
};
const contentScript: Browser.runtime.MessageSender = {
  id: extensionId,
  url: 'https://example.com/inbox',
  frameId: 0,
  tab: { id: 7, index: 0, windowId: 1, incognito: false } as Browser.tabs.Tab,
};

/** Delivers messages as the browser would from `sender` (the fake browser reports an empty sender). */
function sendAs(sender: Browser.runtime.MessageSender) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    (message: unknown) =>
      new Promise((resolve) => {
        void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve).then((results: unknown[]) => {
          if (!results.includes(true)) resolve(undefined);
        });
      }) as never,
  );
}

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
    'autosave.watch': noHandler,
    'actions.requestLinkGrant': noHandler,
    'consent.pendingLinkGrant': noHandler,
    'consent.grantLinkSite': noHandler,
    'settings.set': noHandler,
    'mcp.saveServer': noHandler,
    'mcp.deleteServer': noHandler,
    'mcp.check': noHandler,
    'search.saveKey': noHandler,
    'search.keyOrigins': noHandler,
    'mcp.catalog': noHandler,
    'embedder.saveKey': noHandler,
    'embedder.keyOrigins': noHandler,
    'files.extractPdf': noHandler,
    'library.saveFile': noHandler,
    'library.open': noHandler,
    ...overrides,
  });
}

describe('typed requests', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    sendAs(panel);
  });

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

describe('the sender policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it("refuses a content script's request for an extension page's request before its handler or schema", async () => {
    let called = false;
    serve({
      'data.deleteEverything': async () => {
        called = true;
        return {};
      },
    });
    sendAs(contentScript);
    await expect(callBackground('data.deleteEverything', { confirm: true })).rejects.toMatchObject({
      code: 'forbidden',
    });
    // An invalid payload is refused as forbidden too: nothing of it is parsed for a sender that may not send it.
    await expect(
      fakeBrowser.runtime.sendMessage({ aside: 1, type: 'data.deleteEverything', payload: 1 }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(called).toBe(false);
  });

  it("gives a content script's handler the tab the browser reported, whatever the payload says", async () => {
    let seen: unknown;
    serve({
      'actions.saveSelection': async (_request, sender) => {
        seen = sender;
        return { clipId: 'c', pageId: 'p' };
      },
    });
    sendAs(contentScript);
    await fakeBrowser.runtime.sendMessage({ aside: 1, type: 'actions.saveSelection', payload: { tabId: 99 } });
    expect(seen).toMatchObject({ kind: 'contentScript', tabId: 7, frameId: 0, url: 'https://example.com/inbox' });
  });

  it('refuses an extension page where only a content script may ask, and unknown senders everywhere', async () => {
    serve({ 'autosave.offer': async () => ({ saved: true }) });
    sendAs(panel);
    await expect(callBackground('autosave.offer', { hasPasswordField: false })).rejects.toMatchObject({
      code: 'forbidden',
    });
    for (const stranger of [
      { ...panel, id: 'another-extension' },
      { id: extensionId, url: `chrome-extension://${extensionId}/sandbox.html` },
      { id: extensionId, url: 'https://example.com/' },
    ]) {
      sendAs(stranger);
      await expect(callBackground('provider.detectLocal', {})).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('lets content scripts send only requests that name no tab, profile, conversation or URL', () => {
    const forContentScripts = Object.entries(backgroundRequests).filter(([, spec]) =>
      (spec.senders as readonly string[]).includes('contentScript'),
    );
    expect(forContentScripts.map(([name]) => name).sort()).toEqual([
      'actions.askInPanel',
      'actions.continueInPanel',
      'actions.rateCard',
      'actions.requestLinkGrant',
      'actions.saveSelection',
      'autosave.offer',
      'autosave.watch',
      'embedded.injectUi',
    ]);
    // `runId` and `linkToken` are handed out by the background to one tab and checked against the sender's tab.
    const issuedToTheTab = new Set(['runId', 'linkToken']);
    for (const [name, spec] of forContentScripts) {
      const keys = Object.keys((spec.request as unknown as { shape: object }).shape).filter(
        (k) => !issuedToTheTab.has(k),
      );
      expect(
        keys.filter((key) => /tab|profile|conversation|url|id$/i.test(key)),
        name,
      ).toEqual([]);
    }
  });
});
