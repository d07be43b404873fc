#!/usr/bin/env node
// `npm test`: unit tests, both builds, then the end-to-end tests in Chromium and in Firefox.
// Stops early, naming the package, when Debian's Chromium or Firefox ESR is missing.
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
const firefox = '/usr/bin/firefox-esr';
if (!fs.existsSync(firefox)) {
  console.error(
    `\nThe Firefox end-to-end tests need Debian's firefox-esr at ${firefox}.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y firefox-esr\n',
  );
  process.exit(1);
}

fs.mkdirSync('.cache', { recursive: true });
const vitest = (name, extra) => [
  'npx',
  ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=.cache/${name}.json`],
  `.cache/${name}.json`,
];

const steps = [
  // `.npmrc` turns install scripts off, so WXT's generated types are made here.
  ['WXT types', 'npx', ['wxt', 'prepare']],
  ['unit tests', ...vitest('unit', [])],
  ['Chrome build', 'npx', ['wxt', 'build']],
  ['Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']],
  // Mozilla's add-on linter, as addons.mozilla.org runs it: any error fails; bundled libraries' warnings in one line.
  ['Firefox lint', 'node', ['scripts/lint-firefox.mjs']],
  ['end-to-end tests', ...vitest('e2e', ['--config', 'vitest.e2e.config.ts'])],
  ['Firefox end-to-end tests', ...vitest('firefox', ['--config', 'vitest.firefox.config.ts'])],
];

const crashDir = '.cache/browser-crashes';

/**
 * After a failed end-to-end run: the files that failed only because Chromium
 * itself died under them (tests/e2e/support/browser-crashes.ts left a note),
 * or null when any failed file has no such note (a real failure).
 */
function filesFailedByCrash(report) {
  const failedFiles = report.testResults.filter((file) => file.status === 'failed').map((file) => file.name);
  const crashed = fs.existsSync(crashDir) ? fs.readdirSync(crashDir).map((note) => note.replace(/\.txt$/, '')) : [];
  const byCrash = failedFiles.filter((file) => crashed.includes(file.split('/').at(-1)));
  return failedFiles.length > 0 && byCrash.length === failedFiles.length ? failedFiles : null;
}

let passed = 0;
let failed = 0;
let status = 0;
for (const [name, command, args, report] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  if (report) fs.rmSync(report, { force: true });
  fs.rmSync(crashDir, { recursive: true, force: true });
  let result = spawnSync(command, args, { stdio: 'inherit' });
  if (report && fs.existsSync(report)) {
    let counts = JSON.parse(fs.readFileSync(report, 'utf8'));
    const rerun = result.status !== 0 ? filesFailedByCrash(counts) : null;
    if (rerun) {
      // A browser crash is not a verdict on Aside: those files run once more, and the run says so.
      console.error(
        `\n⚠ Chromium crashed under ${rerun.join(', ')} (its output is above); running those files once more.`,
      );
      passed += counts.testResults
        .filter((file) => !rerun.includes(file.name))
        .flatMap((file) => file.assertionResults)
        .filter((test) => test.status === 'passed').length;
      result = spawnSync(command, [...args, ...rerun], { stdio: 'inherit' });
      counts = JSON.parse(fs.readFileSync(report, 'utf8'));
    }
    passed += counts.numPassedTests;
    // A file that fails to load fails no test but must still count.
    failed += Math.max(counts.numFailedTests, counts.numFailedTestSuites);
  }
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    status = result.status ?? 1;
    break;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status);
