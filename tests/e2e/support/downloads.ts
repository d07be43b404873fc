import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AsideBrowser } from './extension';

/** Lets the browser save downloads into a fresh folder, as a user's "Save" would; returns the folder. */
export async function allowDownloads(aside: AsideBrowser): Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aside-downloads-'));
  const cdp = await aside.connectOverCDP();
  const session = await cdp.newBrowserCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
  return folder;
}

/** Waits for a finished download in `folder` whose name matches, and returns its path. */
export async function waitForDownload(folder: string, name: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const file = fs.readdirSync(folder).find((entry) => name.test(entry) && !entry.endsWith('.crdownload'));
    if (file) return path.join(folder, file);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No download matching ${name} in ${folder}`);
}
