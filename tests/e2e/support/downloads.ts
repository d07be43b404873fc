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

/**
 * Waits for a finished download in `folder` whose name matches, and returns its path.
 * Chromium reserves the final name with an empty file while it writes to a
 * `.crdownload` beside it, so a download is finished only when it has content
 * and no `.crdownload` is left.
 */
export async function waitForDownload(folder: string, name: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const entries = fs.readdirSync(folder);
    const writing = entries.some((entry) => entry.endsWith('.crdownload'));
    const file = entries.find((entry) => name.test(entry) && !entry.endsWith('.crdownload'));
    if (file && !writing && fs.statSync(path.join(folder, file)).size > 0) return path.join(folder, file);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No download matching ${name} in ${folder}`);
}
