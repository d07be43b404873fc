/**
 * Embedded mode's own costs, on real pages from the Readability corpus:
 * rendering an action's prompt (variables, untrusted wrapping, budgets)
 * against the baseline of only cutting the same text to its budget, reducing
 * a fetched link's HTML to text, and the sizes of the always-loaded content
 * script and of the scripts injected on first use (toolbar/card, page tools).
 * Run: npx tsx bench/embedded.bench.ts (after `npx wxt build` for the size).
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinActions } from '../lib/actions/builtin-actions';
import { renderTemplate } from '../lib/actions/render-template';
import { cutToTokenBudget } from '../lib/capture/token-budget';
import { newUntrustedNonce } from '../lib/prompt/untrusted';
import { htmlToText } from '../lib/web/html-to-text';
import { corporaDir } from '../tests/e2e/support/page-server';
import { median, report, round } from './stats';

const pagesDir = path.join(corporaDir, 'readability');
const names = fs.readdirSync(pagesDir).slice(0, 60);
const html = names.map((name) => fs.readFileSync(path.join(pagesDir, name, 'source.html'), 'utf8'));
const template = builtinActions.find((action) => action.id === 'translate')?.template ?? '';
const options = { pageTokenBudget: 12_000, selectionTokenBudget: 16_000, nonce: newUntrustedNonce() };

function time(run: () => void, rounds = 15): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const texts = html.map((page) => htmlToText(page).text);
const htmlMs = time(() => {
  for (const page of html) htmlToText(page);
});
const cutMs = time(() => {
  for (const text of texts) cutToTokenBudget(text, options.selectionTokenBudget);
});
const renderMs = time(() => {
  for (const text of texts)
    renderTemplate(
      template,
      { selection: text, language: 'English', 'page.title': 'T', 'page.url': 'https://example.com/' },
      options,
    );
});
const sizeKB = (file: string) => {
  const full = path.resolve(import.meta.dirname, '../.output/chrome-mv3/content-scripts', file);
  return fs.existsSync(full) ? round(fs.statSync(full).size / 1024, 1) : -1;
};

report(
  'embedded',
  {
    pages: html.length,
    renderPromptMsPerPage: round(renderMs / html.length, 3),
    cutOnlyMsPerPage: round(cutMs / html.length, 3),
    renderVsCutRatio: round(renderMs / cutMs, 2),
    linkHtmlToTextMsPerPage: round(htmlMs / html.length, 3),
    /** Loaded in every page. */
    contentScriptKB: sizeKB('content.js'),
    /** Injected on the first selection in a page. */
    embeddedUiScriptKB: sizeKB('embedded-ui.js'),
  },
  { corpus: 'readability', names, medianOf: 15 },
);
