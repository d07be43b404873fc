import type { Page } from 'playwright-core';
import { type AsideBrowser, openExtensionPage } from './extension';

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  updateExtensionConfiguration(update: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
  getExtensionInfo(id: string): Promise<{ state: string; incognitoAccess: { isActive: boolean } }>;
}

/**
 * Flips "Allow in Incognito" for Aside, the switch a user flips on
 * chrome://extensions, through that page's own API. Chromium reloads the
 * extension: every extension page and the service worker of before are gone.
 * (Developer mode keeps an unpacked extension enabled across that reload.)
 */
export async function allowInIncognito(aside: AsideBrowser): Promise<void> {
  const page = await aside.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await api.updateProfileConfiguration({ inDeveloperMode: true });
      await api.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
      for (let waited = 0; waited < 30_000; waited += 200) {
        const info = await api.getExtensionInfo(id);
        if (info.state === 'ENABLED' && info.incognitoAccess.isActive) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('Aside did not come back with incognito access');
    }, aside.extensionId);
  } finally {
    await page.close();
  }
}

interface PanelApi {
  chrome: {
    windows: { getCurrent(): Promise<{ incognito: boolean }> };
    sidePanel: { open(options: { windowId: number }): Promise<void> };
  };
}

/**
 * Opens Aside's side panel in an incognito window (Aside must be allowed
 * there). `sidePanel.open` needs a user gesture, and an extension page cannot
 * be shown in an incognito window, so a button added to the options page (a
 * normal window) opens the panel of the incognito window by its id; the panel
 * is then found over CDP as the one whose window is incognito.
 */
export async function openIncognitoSidePanel(aside: AsideBrowser, windowId: number): Promise<Page> {
  const options = await openExtensionPage(aside, 'options.html');
  await options.evaluate((id) => {
    const button = document.createElement('button');
    button.id = 'open-incognito-panel';
    button.textContent = 'Open the incognito side panel';
    button.addEventListener('click', () => {
      void (globalThis as unknown as PanelApi).chrome.sidePanel.open({ windowId: id });
    });
    document.body.prepend(button);
  }, windowId);
  await options.click('#open-incognito-panel');
  const panelUrl = aside.url('sidepanel.html');
  try {
    for (let i = 0; i < 100; i++) {
      const cdp = await aside.connectOverCDP();
      for (const page of cdp.contexts().flatMap((context) => context.pages())) {
        if (!page.url().startsWith(panelUrl)) continue;
        const current = await page.evaluate(() =>
          (globalThis as unknown as PanelApi).chrome.windows.getCurrent().catch(() => null),
        );
        if (current?.incognito) {
          await page.waitForLoadState('domcontentloaded');
          return page;
        }
      }
      await cdp.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await options.close();
  }
  throw new Error('The incognito side panel did not open');
}
