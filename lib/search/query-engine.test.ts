import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiEngine,
  type SearchEngineServer,
  startSearchEngineServer,
} from '../../tests/support/search-fixtures/search-engine-server';
import { db } from '../db/database';
import { webSearchSettingsItem } from '../settings/secure-settings';
import { chosenEngine } from './chosen-engine';
import { queryApiEngine, type SearchRetry } from './query-engine';
import { saveSearchKey } from './search-keys';
import { defaultWebSearchSettings } from './search-settings';

const engines: ApiEngine[] = ['searxng', 'brave', 'tavily', 'google', 'bocha', 'zhipu'];

/** Each engine's documented format, against a local server that speaks it (and refuses any other shape). */
describe('queryApiEngine', () => {
  let server: SearchEngineServer;
  beforeAll(async () => {
    server = await startSearchEngineServer();
  });
  afterAll(() => server.close());

  const useEngine = async (engine: ApiEngine, key: string | null = server.key(engine)) => {
    await db().secrets.clear();
    await webSearchSettingsItem.setValue({
      ...defaultWebSearchSettings,
      engine,
      endpoints: { [engine]: server.endpoint(engine) },
      googleCx: 'fixture-cx',
    });
    if (key !== null && engine !== 'searxng') await saveSearchKey(engine, key);
    const chosen = chosenEngine(await webSearchSettingsItem.getValue());
    if (chosen.kind !== 'api') throw new Error('not an API engine');
    return chosen;
  };
  const run = async (engine: ApiEngine, onRetry?: (retry: SearchRetry) => void) =>
    queryApiEngine(await useEngine(engine), 'loxley bridge', 8, new AbortController().signal, onRetry);

  it.each(engines)('%s: sends the query in the documented request and reads the documented answer', async (engine) => {
    server.setMode(engine, 'ok');
    const before = server.requests.length;
    const results = await run(engine);
    expect(results.map((r) => r.url)).toContain(server.pageUrl('loxley-history'));
    expect(results[0]).toMatchObject({ title: 'A short history of the Loxley Bridge' });
    expect(results[0]?.snippet).toContain('14 May 1932');
    const sent = server.requests.slice(before);
    expect(sent.map((r) => r.target)).toEqual([engine]);
    expect(sent[0]?.query).toBe('loxley bridge');
    expect(sent[0]?.headers.cookie).toBeUndefined();
  });

  it.each(engines.filter((e) => e !== 'searxng'))('%s: a rejected key is named as such', async (engine) => {
    server.setMode(engine, 'ok');
    await expect(
      queryApiEngine(await useEngine(engine, 'wrong-key'), 'q', 5, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'search-key-rejected', params: { engine: expect.any(String) } });
  });

  it('says a key is missing before sending anything', async () => {
    const before = server.requests.length;
    await expect(
      queryApiEngine(await useEngine('brave', null), 'q', 5, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'search-key-missing', params: { engine: 'Brave Search' } });
    expect(server.requests.length).toBe(before);
  });

  it.each(engines)('%s: a rate limit is waited out as the engine asks, then retried', async (engine) => {
    server.setMode(engine, 'rate-limit-once');
    const retries: SearchRetry[] = [];
    const results = await run(engine, (retry) => retries.push(retry));
    expect(results.length).toBe(5);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ attempt: 2, delayMs: 1000, error: { code: 'search-rate-limit' } });
  });

  it('an engine that is down, answers badly or finds nothing says which', async () => {
    server.setMode('searxng', 'down');
    await expect(run('searxng')).rejects.toMatchObject({ code: 'search-unreachable', params: { engine: 'SearXNG' } });
    server.setMode('tavily', 'malformed');
    await expect(run('tavily')).rejects.toMatchObject({ code: 'search-failed', params: { engine: 'Tavily' } });
    server.setMode('zhipu', 'empty');
    expect(await run('zhipu')).toEqual([]);
    server.setMode('searxng', 'ok');
  });

  it('never sends a key to another origin than the one it was saved for', async () => {
    await useEngine('brave');
    await webSearchSettingsItem.setValue({
      ...(await webSearchSettingsItem.getValue()),
      endpoints: { brave: server.endpoint('brave').replace('127.0.0.1', 'localhost') },
    });
    const moved = chosenEngine(await webSearchSettingsItem.getValue());
    if (moved.kind !== 'api') throw new Error('not an API engine');
    const before = server.requests.length;
    await expect(queryApiEngine(moved, 'q', 5, new AbortController().signal)).rejects.toMatchObject({
      code: 'key-origin',
    });
    expect(server.requests.length).toBe(before);
  });
});
