import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port';
import { type Session, startSession } from './support/session';

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
});
