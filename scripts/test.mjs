#!/usr/bin/env node
// `npm test`: unit tests, both builds, then the end-to-end tests in Chromium.
// Stops early, naming the package, when Debian's Chromium is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = '/usr/lib/chromium/chromium';
if (!fs.existsSync(chromium)) {
  console.error(
    `\nThe end-to-end tests need Debian's Chromium at ${chromium}.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n',
  );
  process.exit(1);
}

const steps = [
  ['unit tests', 'npx', ['vitest', 'run']],
  ['Chrome build', 'npx', ['wxt', 'build']],
  ['Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['end-to-end tests', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']],
];

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log('\n✔ all tests passed');
