import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../support/openai-server';
import { startSearchEngineServer } from '../support/search-fixtures/search-engine-server';
import { writeSetting } from './support/aside-db';
import { freePort } from './support/free-port';
import { startRecordingServer } from './support/recording-server';
import { ask, type Session, startSession } from './support/session';

/** The audit that every E2E test runs must itself catch a stray request. */
describe('egress audit', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(() => s?.close());

  it('fails on a request from an extension context to a host nobody configured', async () => {
    // A port nothing listens on (Chromium refuses well-known ports such as 7 or 9 outright).
    const stray = `http://127.0.0.1:${await freePort()}/collect?secret=1`;
    // As if some code in the side panel phoned home.
    await s.panel.evaluate((url) => fetch(url).catch(() => undefined), stray);
    // …or the service worker did.
    await s.aside.serviceWorker.evaluate((url) => fetch(url).catch(() => undefined), `${stray}&from=worker`);
    // …over HTTPS, where the proxy sees only the host it tunnels to.
    await s.panel.evaluate(() => fetch('https://telemetry.example/collect').catch(() => undefined));
    expect(s.aside.audit.strayRequests().map((r) => r.url)).toEqual([
      stray,
      `${stray}&from=worker`,
      'https://telemetry.example:443',
    ]);
    expect(() => s.aside.audit.check()).toThrow(
      `Egress audit: the browser sent requests to hosts nobody configured:\n  GET ${stray}`,
    );
    // Checked and reported: the afterEach check of this test starts clean.
    expect(s.aside.audit.strayRequests()).toEqual([]);
  });

  it('lets the configured provider and the page under test through', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    expect(s.aside.audit.strayRequests()).toEqual([]);
  });

  it('sees a web search: the engine and result pages pass only where a test allows them', async () => {
    const engine = await startSearchEngineServer();
    const elsewhere = await startRecordingServer();
    try {
      // The engine is allowed (this test configured it); a result page on another host is not.
      s.aside.audit.allow(engine.origin);
      const outside = `${elsewhere.origin}/article`;
      engine.setHits([{ title: 'Elsewhere', url: outside, snippet: 'A page on another host.' }]);
      await writeSetting(s.aside, 'webSearch', {
        engine: 'searxng',
        endpoints: { searxng: engine.endpoint('searxng') },
      });
      await writeSetting(s.aside, 'consentGrants', { [`web-search ${engine.origin}`]: true });
      await s.panel.getByText('Web', { exact: true }).click();
      s.llm.enqueue(text('An answer [1].'));
      await ask(s.panel, 'What is on the other host?');
      await expect.poll(() => elsewhere.hits.length).toBe(1);
      expect(engine.requests.map((r) => r.target)).toEqual(['searxng']);
      expect(s.aside.audit.strayRequests().map((r) => r.url)).toEqual([outside]);
      expect(() => s.aside.audit.check()).toThrow(`GET ${outside}`);
    } finally {
      await s.panel.getByText('This page', { exact: true }).click();
      await Promise.all([engine.close(), elsewhere.close()]);
    }
  });
});
