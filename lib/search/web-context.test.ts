import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type SearchEngineServer,
  startSearchEngineServer,
} from '../../tests/support/search-fixtures/search-engine-server';
import { db } from '../db/database';
import { consentGrantsItem, webSearchSettingsItem } from '../settings/secure-settings';
import { defaultWebSearchSettings } from './search-settings';
import { type WebProgress, webContext } from './web-context';
import { webSearchScope } from './web-search-consent';

/** The web answer's context against a local SearXNG-format engine and its result pages. */
describe('webContext', () => {
  let server: SearchEngineServer;
  beforeAll(async () => {
    server = await startSearchEngineServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await db().settings.clear();
    await webSearchSettingsItem.setValue({
      ...defaultWebSearchSettings,
      engine: 'searxng',
      endpoints: { searxng: server.endpoint('searxng') },
    });
  });
  const allow = () => consentGrantsItem.setValue({ [`${webSearchScope} ${server.origin}`]: true });
  const signal = () => new AbortController().signal;

  it('sends nothing before the user allowed the engine’s host', async () => {
    const before = server.requests.length;
    await expect(webContext('loxley bridge', { signal: signal() })).rejects.toMatchObject({
      code: 'search-declined',
      params: { engine: 'SearXNG' },
    });
    expect(server.requests.length).toBe(before);
  });

  // Reading result pages needs the extension's webRequest and offscreen DOM: tests/e2e/web-search.e2e.ts covers it.
  it('with no pages to read, numbers the engine’s snippets', async () => {
    await allow();
    await webSearchSettingsItem.update((settings) => ({ ...settings, pagesToRead: 0 }));
    const before = server.requests.length;
    const progress: WebProgress[] = [];
    const web = await webContext('When did the Loxley Bridge open?', {
      signal: signal(),
      onProgress: (p) => progress.push(p),
    });
    expect(progress[0]).toEqual({ stage: 'searching', engine: 'SearXNG' });
    expect(server.requests.slice(before).map((r) => r.target)).toEqual(['searxng']);
    expect(web.sources.map((source) => source.n)).toEqual(web.sources.map((_s, i) => i + 1));
    expect(web.sources[0]?.url).toBe(server.pageUrl('loxley-history'));
    expect(web.excerpts[0]?.text).toContain('14 May 1932');
    expect(web.skipped).toEqual([]);
  });

  it('finds nothing when the engine lists nothing', async () => {
    await allow();
    server.setMode('searxng', 'empty');
    const before = server.requests.length;
    const web = await webContext('nothing', { signal: signal() });
    server.setMode('searxng', 'ok');
    expect(web.sources).toEqual([]);
    // No page is read: there is none to read.
    expect(server.requests.slice(before).map((r) => r.target)).toEqual(['searxng']);
  });
});
