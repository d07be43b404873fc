import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { EgressAudit, registerAudit } from '../../e2e/support/egress-audit';
import { startEgressProxy } from '../../e2e/support/egress-proxy';

/** Debian's Firefox ESR (`apt-get install firefox-esr`). */
export const firefoxPath = '/usr/bin/firefox-esr';
export const firefoxExtensionDir = path.resolve(import.meta.dirname, '../../../.output/firefox-mv2');
/** Aside's add-on id in the Firefox build (wxt.config.ts, `browser_specific_settings.gecko.id`). */
const addonId = 'aside@aside.dev';
/** Firefox's ids for the toolbar button and sidebar an add-on declares: its id with `@` and `.` as `_`. */
const widgetPrefix = addonId.replace(/[@.]/g, '_');
export const browserActionId = `${widgetPrefix}-browser-action`;
export const sidebarId = `${widgetPrefix}-sidebar-action`;

/** A raw WebDriver BiDi command, for what puppeteer does not wrap (chrome scope, closed shadow roots). */
export type BidiSend = (method: string, params: Record<string, unknown>) => Promise<{ result: unknown }>;

export interface AsideFirefox {
  readonly browser: Browser;
  /** What left the browser; checked after every test, as in the Chromium suite (tests/e2e/setup.ts). */
  readonly audit: EgressAudit;
  /** Aside's moz-extension:// host, fixed before install so tests know its pages' URLs. */
  readonly uuid: string;
  readonly bidi: BidiSend;
  url(pathname: string): string;
  /** Opens one of Aside's pages (options.html, …) in a new tab. */
  openExtensionPage(pathname: string): Promise<Page>;
  /** Evaluates an expression in the browser window's privileged (chrome) scope. */
  chrome<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/** The BiDi surface of puppeteer objects that its types keep private. */
interface BidiInternals {
  connection: { send: BidiSend };
}
interface FrameInternals {
  browsingContext: { id: string; navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
}

/** The page's BiDi browsing context id. */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as FrameInternals).browsingContext.id;
}

/**
 * Starts headless Firefox ESR over WebDriver BiDi with the built Firefox
 * extension installed (a temporary add-on, as about:debugging loads it).
 */
export async function launchFirefox(): Promise<AsideFirefox> {
  if (!fs.existsSync(path.join(firefoxExtensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${firefoxExtensionDir}: run "npm run build:firefox" first (npm test does).`);
  }
  const uuid = randomUUID();
  const proxy = await startEgressProxy();
  const audit = new EgressAudit(proxy);
  const unregister = registerAudit(audit);
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      // The browser window's own scope over BiDi: the sidebar and toolbar button live there.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        // Firefox's own Remote Settings sync (the add-on blocklist among others), which the egress audit
        // would see: pointed nowhere, as Mozilla's test harnesses do (a release build needs the variable below).
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        ...proxyPrefs(proxy.port),
      },
    })
    .catch(async (error: unknown) => {
      unregister();
      await proxy.close();
      throw error;
    });
  const close = async () => {
    try {
      await browser.close();
      // A request made in the last moments of a test still counts.
      audit.check();
    } finally {
      unregister();
      await proxy.close();
    }
  };
  try {
    await browser.installExtension(firefoxExtensionDir);
  } catch (error) {
    await close();
    throw error;
  }
  const bidi: BidiSend = (method, params) => (browser as unknown as BidiInternals).connection.send(method, params);
  const url = (pathname: string) => `moz-extension://${uuid}/${pathname.replace(/^\//, '')}`;
  const chrome = async <T>(expression: string): Promise<T> => {
    const { result: tree } = (await bidi('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: { context: string }[] };
    };
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('No browser window in chrome scope');
    const { result } = (await bidi('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: { type: string; result?: { value?: T }; exceptionDetails?: { text: string } } };
    if (result.type === 'exception') throw new Error(`chrome scope: ${result.exceptionDetails?.text}`);
    return result.result?.value as T;
  };
  return {
    browser,
    audit,
    uuid,
    bidi,
    url,
    openExtensionPage: async (pathname) => {
      const page = await browser.newPage();
      await navigate(page, url(pathname));
      return page;
    },
    chrome,
    close,
  };
}

/** Firefox's preferences that send every request, loopback included, through the egress proxy. */
function proxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
  };
}

/**
 * Navigates and waits for the load event. Puppeteer's `page.goto` never
 * resolves for a moz-extension:// URL in Firefox ESR 153 (the page loads, in
 * the extension process, but the navigation events puppeteer waits for do not
 * come), so this asks BiDi to navigate and wait itself.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as FrameInternals).browsingContext.navigate(url, 'complete');
}
