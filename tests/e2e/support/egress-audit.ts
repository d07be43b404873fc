import type { EgressProxy, EgressRecord } from './egress-proxy';

/**
 * Aside's privacy promise, checked in every E2E test: requests leave the
 * browser only for the provider the user configured, the model host, and the
 * page under test. Each browser the harness launches has an audit; the E2E
 * setup file checks every live audit after every test (tests/e2e/setup.ts),
 * so no test can forget it.
 */
export class EgressAudit {
  private readonly allowed = new Set<string>();
  private checked = 0;

  constructor(private readonly proxy: EgressProxy) {}

  /** Allows an origin (`http://127.0.0.1:1234`) or a URL's origin. */
  allow(originOrUrl: string): void {
    this.allowed.add(new URL(originOrUrl).origin);
  }

  /** Requests to origins nobody allowed, since the last check. */
  strayRequests(): EgressRecord[] {
    return this.proxy.records
      .slice(this.checked)
      .filter((record) => !isBrowserOwnTraffic(record) && !this.allowed.has(new URL(record.url).origin));
  }

  /** Throws, naming each request, when anything went to an origin nobody allowed. */
  check(): void {
    const stray = this.strayRequests();
    this.checked = this.proxy.records.length;
    if (stray.length > 0) {
      const list = stray.map((record) => `  ${record.method} ${record.url}`).join('\n');
      throw new Error(`Egress audit: the browser sent requests to hosts nobody configured:\n${list}`);
    }
  }
}

/**
 * Google's service domains, which Chromium itself talks to over HTTPS (sign-in,
 * component and extension updates, network time) even with background
 * networking off. A tunnel hides who opened it, so these are the only HTTPS
 * hosts the audit lets pass; no provider Aside supports lives there.
 */
const chromiumServiceDomains = ['google.com', 'googleapis.com', 'gvt1.com', 'gvt2.com'];

/** Whether a record is traffic of the browser itself rather than of a page or of Aside. */
function isBrowserOwnTraffic(record: EgressRecord): boolean {
  if (record.fromWebContext === false) return true;
  const host = new URL(record.url).hostname;
  return (
    record.fromWebContext === null &&
    chromiumServiceDomains.some((domain) => host === domain || host.endsWith(`.${domain}`))
  );
}

const live = new Set<EgressAudit>();

export function registerAudit(audit: EgressAudit): () => void {
  live.add(audit);
  return () => live.delete(audit);
}

/** Checks every live browser's audit; called after each E2E test. */
export function checkAllAudits(): void {
  for (const audit of live) audit.check();
}
