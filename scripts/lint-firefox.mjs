#!/usr/bin/env node
// Mozilla's add-on linter on the Firefox build, as addons.mozilla.org runs it: any error fails.
// Warnings that come from libraries bundled into Aside are recognised by the code around them and counted in
// one line; every other warning, notice and error is printed in full, so a warning in Aside's own code shows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const sourceDir = '.output/firefox-mv2';

/** Where a known warning comes from: the linter's code, and a pattern the code around the flagged spot matches. */
const known = [
  { from: 'zod (tests whether eval is allowed)', code: 'DANGEROUS_EVAL', near: /jitless[\s\S]*Function\(``\)/ },
  { from: 'Readability (its own copy of the page)', code: 'UNSAFE_VAR_ASSIGNMENT', near: /_attempts|_isSingleImage/ },
  { from: 'React DOM (dangerouslySetInnerHTML, unused)', code: 'UNSAFE_VAR_ASSIGNMENT', near: /__html/ },
  { from: 'the Markdown parser (entity names)', code: 'UNSAFE_VAR_ASSIGNMENT', near: /`&`\+\w+\+`;`;\w+\.innerHTML/ },
  {
    from: 'micromark (its own write(), not the DOM’s)',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: /\.document\(\)\.write\(/,
  },
  { from: 'highlight.js (highlightElement, unused)', code: 'UNSAFE_VAR_ASSIGNMENT', near: /unescaped HTML/ },
  {
    from: 'underscore, via mammoth',
    code: 'DANGEROUS_EVAL',
    near: /Function\(`return this`\)|Function\(\w+,`_`,\w+\)/,
  },
  {
    from: 'pdf.js (imports its own worker and decoders, shipped in the extension)',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: /_setupFakeWorkerGlobal|WasmImage/,
  },
  { from: 'setimmediate, via mammoth', code: 'DANGEROUS_EVAL', near: /setImmediate=function/ },
  {
    from: 'Aside’s run_javascript worker (runs the model’s code in the sandbox, by design)',
    code: 'DANGEROUS_EVAL',
    near: /"use strict"; return \(async/,
    file: 'sandbox-worker.js',
  },
];

/** The code around a message's line and column, where the linter gives them. */
function around(message) {
  if (!message.line) return '';
  const line = fs.readFileSync(path.join(sourceDir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 300), column + 300);
}

function knownSource(message) {
  const text = around(message);
  return known.find(
    (each) => each.code === message.code && (!each.file || each.file === message.file) && each.near.test(text),
  )?.from;
}

const run = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', sourceDir, '--no-config-discovery', '--output', 'json'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  console.error('web-ext lint did not answer with its JSON report.');
  process.exit(run.status || 1);
}

const counts = new Map();
const shown = [];
for (const message of [...report.errors, ...report.notices, ...report.warnings]) {
  const from = message._type === 'warning' ? knownSource(message) : undefined;
  if (from) counts.set(from, (counts.get(from) ?? 0) + 1);
  else shown.push(message);
}
for (const message of shown) {
  const where = [message.file, message.line, message.column].filter((part) => part !== undefined).join(':');
  console.log(
    `${message._type.toUpperCase()} ${message.code} ${where}\n  ${message.message}\n  ${message.description}`,
  );
}
const { errors, notices, warnings } = report.summary;
const list = [...counts].map(([from, count]) => `${from} ×${count}`).join('; ');
const knownCount = [...counts.values()].reduce((sum, count) => sum + count, 0);
console.log(
  `web-ext lint: ${errors} errors, ${notices} notices, ${warnings} warnings` +
    (knownCount
      ? `; ${knownCount} of them known and explained in README.md (Develop → Tests → Expected output): ${list}`
      : ''),
);
process.exit(errors > 0 ? 1 : 0);
