import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Where a test file notes that its browser died under it (read by scripts/test.mjs). */
export const crashDir = path.resolve(import.meta.dirname, '../../../.cache/browser-crashes');

/**
 * Chromium itself closed while a test file still used it: a crash of the
 * browser, not a failed expectation. Prints the browser's last output and
 * leaves a note naming the file, so `npm test` can run that file once more
 * and say so, instead of failing the whole run on a crash of the browser.
 */
export function recordBrowserCrash(browserLog: readonly string[]): void {
  const testPath = currentTestPath();
  console.error(`Chromium closed during ${testPath}. Its last output:\n${browserLog.join('\n')}`);
  fs.mkdirSync(crashDir, { recursive: true });
  fs.writeFileSync(path.join(crashDir, `${path.basename(testPath)}.txt`), `${testPath}\n${browserLog.join('\n')}\n`);
}

/** The running test file, or 'outside vitest' for scripts that reuse the harness (scripts/screenshots.ts). */
function currentTestPath(): string {
  try {
    return expect.getState().testPath ?? 'unknown';
  } catch {
    return 'outside vitest';
  }
}
