import type { AsideBrowser } from './extension';

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
      for (let waited = 0; waited < 15_000; waited += 200) {
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
