import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  readonly dir: string;
  remove(): void;
}

/**
 * A small RAM disk (tmpfs) to put a browser profile on: Chromium sizes each
 * origin's storage quota from the disk the profile is on, so a small disk is a
 * real full disk for IndexedDB — nothing in the product is faked. Mounting
 * needs root, which the CI machine has; elsewhere this throws saying so.
 */
export function mountSmallDisk(megabytes: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aside-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`The full-disk test mounts a ${megabytes} MB tmpfs and needs root: ${String(error)}`);
  }
  return {
    dir,
    remove: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
