import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { recordBrowserCrash } from './browser-crashes';
import { EgressAudit, registerAudit } from './egress-audit';
import { type EgressProxy, startEgressProxy } from './egress-proxy';

/** Debian's Chromium binary; the /usr/bin wrapper would add an empty --load-extension. */
export const chromiumPath = '/usr/lib/chromium/chromium';
/** Where onboarding probes for local model servers (lib/llm/presets.ts): this machine only. */
const localServerOrigins = ['http://127.0.0.1:11434', 'http://127.0.0.1:1234'];
export const extensionDir = path.resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface AsideBrowser {
  /** What left the browser; checked after every test (see egress-audit.ts). */
  readonly audit: EgressAudit;
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly serviceWorker: Worker;
  /** The DevTools port: CDP is the only way to reach the real side panel's page. */
  readonly debuggingPort: string;
  readonly userDataDir: string;
  /** A CDP connection to the same browser; it lists only the pages that exist when it connects. */
  connectOverCDP(): Promise<Browser>;
  url(pathname: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly locale?: string;
  /**
   * Benchmarks only: no egress proxy in the network path, so timings are the
   * browser's own. Tests always run behind the proxy and its audit.
   */
  readonly unaudited?: boolean;
  /** Where the profile lives (a folder made inside it); the system's temp folder by default. */
  readonly profileParent?: string;
  /**
   * `swiftshader`: WebGPU on SwiftShader, Chromium's software GPU, so pages
   * and the embedder get a real (slow) WebGPU adapter. By default the GPU is
   * off and `navigator.gpu` finds no adapter.
   */
  readonly webgpu?: 'swiftshader';
  /**
   * Real HTTPS host names (`www.youtube.com`) served by a local fixture
   * server on `port`: the egress proxy tunnels them there, and the browser
   * accepts the fixture's self-signed certificate (`--ignore-certificate-errors`,
   * in the test browser only). They still pass the egress audit only when a
   * test allows them.
   */
  readonly fixtureHosts?: { readonly hosts: readonly string[]; readonly port: number };
}

/** Starts headless Chromium with the built extension and a fresh profile. */
export async function launchAside(options: LaunchOptions = {}): Promise<AsideBrowser> {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first (npm test does).`);
  }
  const userDataDir = fs.mkdtempSync(path.join(options.profileParent ?? os.tmpdir(), 'aside-e2e-'));
  const tunnels = new Map((options.fixtureHosts?.hosts ?? []).map((host) => [host, options.fixtureHosts?.port ?? 0]));
  if (options.unaudited && tunnels.size > 0) throw new Error('Fixture hosts are served through the egress proxy.');
  const proxy = options.unaudited ? noProxy : await startEgressProxy(tunnels);
  const audit = new EgressAudit(proxy);
  const unregister = registerAudit(audit);
  // First-run onboarding looks for Ollama and LM Studio at their default ports: loopback only.
  for (const origin of localServerOrigins) audit.allow(origin);
  // Chromium's own output, kept so that a browser dying mid-test says why.
  const browserLog: string[] = [];
  let closing = false;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    logger: {
      isEnabled: (name) => name === 'browser',
      log: (_name, _severity, message) => {
        browserLog.push(String(message));
        if (browserLog.length > 60) browserLog.shift();
      },
    },
    ...(options.locale ? { locale: options.locale } : {}),
    args: [
      '--no-sandbox',
      ...gpuArgs(options.webgpu),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      '--disable-component-extensions-with-background-pages',
      '--disable-client-side-phishing-detection',
      '--disable-domain-reliability',
      '--no-pings',
      '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--remote-debugging-port=0',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(tunnels.size > 0 ? ['--ignore-certificate-errors'] : []),
      ...proxy.chromiumArgs,
    ],
  });
  context.on('close', () => {
    if (!closing) recordBrowserCrash(browserLog);
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const debuggingPort = await readDevToolsPort(userDataDir);
  const connections: Browser[] = [];
  return {
    audit,
    context,
    extensionId,
    serviceWorker,
    debuggingPort,
    connectOverCDP: async () => {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
      connections.push(browser);
      return browser;
    },
    userDataDir,
    url: (pathname) => `chrome-extension://${extensionId}/${pathname.replace(/^\//, '')}`,
    close: async () => {
      closing = true;
      await Promise.all(connections.map((browser) => browser.close().catch(() => {})));
      await context.close();
      unregister();
      try {
        // A request made in the last moments of a test still counts.
        audit.check();
      } finally {
        await proxy.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Chromium's GPU switches: none at all by default, or WebGPU on SwiftShader. */
function gpuArgs(webgpu: LaunchOptions['webgpu']): string[] {
  if (!webgpu) return ['--disable-gpu'];
  return ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];
}

async function readDevToolsPort(userDataDir: string): Promise<string> {
  const file = path.join(userDataDir, 'DevToolsActivePort');
  // Up to 30 s: at load 20 a browser can take that long.
  for (let i = 0; i < 600; i++) {
    if (fs.existsSync(file)) {
      const port = fs.readFileSync(file, 'utf8').split('\n')[0];
      if (port) return port;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Chromium did not write DevToolsActivePort');
}

/** Opens an extension page (options.html, …) in a new tab. */
export async function openExtensionPage(aside: AsideBrowser, pathname: string): Promise<Page> {
  const page = await aside.context.newPage();
  await page.goto(aside.url(pathname));
  return page;
}

/**
 * Opens the real side panel the way a user's click does: the options page's
 * "Open side panel" button (sidePanel.open needs a user gesture), then finds
 * the panel's page over CDP. The options tab is closed afterwards so the tab
 * the test brings to front is the one the panel follows. `optionsPage`, when
 * given, is an options tab already open (a second page load costs seconds).
 */
export async function openSidePanel(aside: AsideBrowser, optionsPage?: Page): Promise<Page> {
  const options = optionsPage ?? (await openExtensionPage(aside, 'options.html'));
  await options.getByTestId('open-side-panel').click();
  const panelUrl = aside.url('sidepanel.html');
  for (let i = 0; i < 100; i++) {
    // A CDP connection sees the pages that exist when it connects, so connect after the click.
    const cdp = await aside.connectOverCDP();
    const panel = cdp
      .contexts()
      .flatMap((context) => context.pages())
      .find((page) => page.url().startsWith(panelUrl));
    if (panel) {
      await panel.waitForLoadState('domcontentloaded');
      await options.close();
      return panel;
    }
    await cdp.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The side panel did not open');
}

const noProxy: EgressProxy = { chromiumArgs: [], port: 0, records: [], close: async () => {} };
