#!/usr/bin/env node
// `npm run bench`: builds the extension, then runs every bench/*.bench.ts in turn.
// Benchmarks print figures; they never pass or fail on time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['wxt', 'build']);
const only = process.argv[2];
for (const file of fs
  .readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only && !file.startsWith(only)) continue;
  console.log(`\n▶ bench/${file}`);
  run('npx', ['tsx', `bench/${file}`]);
}
