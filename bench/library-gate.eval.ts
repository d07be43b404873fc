/**
 * `npx tsx bench/library-gate.eval.ts`: keyword-only library search on the
 * development set (tests/support/library-dev-set.ts) over the 130 real pages
 * of the Readability corpus. Prints hit@5 per language with and without the
 * title/heading fields, the gate's figures per language and half (A tuned, B
 * held out), and a grid of gate thresholds. Last line: JSON of the product gate.
 */

import { bm25f } from '../lib/rag/field-weights';
import { type KeywordGate, keywordGate } from '../lib/rag/keyword-gate';
import { type DevFigures, evaluateDevSet } from '../tests/support/library-dev-eval';
import { captureDevPages, devIndex } from '../tests/support/library-dev-index';
import { answerable, type DevQuestion, halfOf, offTopic } from '../tests/support/library-dev-set';

const pages = captureDevPages();
const index = devIndex(pages);
const bodyOnly = devIndex(pages, {
  ...bm25f,
  title: { ...bm25f.title, weight: 0 },
  heading: { ...bm25f.heading, weight: 0 },
});
const all = [...answerable, ...offTopic];
const open: KeywordGate = { minCoverage: 0, minNormalized: 0 };
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const line = (label: string, f: DevFigures) =>
  `${label.padEnd(22)} hit@5 ${f.hitAt5}/${f.answerable} (${pct(f.hitAt5 / (f.answerable || 1))})  answerable refused ${f.refused} (${pct(f.answerableRefusedRate)})  off-topic refused ${f.offTopicRefused}/${f.offTopic} (${pct(f.refusalRecall)})  refusal precision ${pct(f.refusalPrecision)}`;

for (const lang of ['en', 'zh'] as const) {
  const questions = answerable.filter((q) => q.lang === lang);
  console.log(line(`${lang} body only, no gate`, evaluateDevSet(bodyOnly, questions, open)));
  console.log(line(`${lang} BM25F, no gate`, evaluateDevSet(index, questions, open)));
}
const subsets: [string, (q: DevQuestion) => boolean][] = [
  ['en', (q) => q.lang === 'en'],
  ['zh', (q) => q.lang === 'zh'],
  ['half A (tuning)', (q) => halfOf(q) === 'A'],
  ['half B (held out)', (q) => halfOf(q) === 'B'],
  ['all', () => true],
];
console.log(`\ngate ${JSON.stringify(keywordGate)}`);
for (const [label, keep] of subsets) console.log(line(label, evaluateDevSet(index, all.filter(keep))));

console.log('\ngrid on half A: coverage × normalized → answerable refused / off-topic refused');
const tuning = all.filter((q) => halfOf(q) === 'A');
for (const minCoverage of [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]) {
  const cells = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3].map((minNormalized) => {
    const f = evaluateDevSet(index, tuning, { minCoverage, minNormalized });
    return `${minNormalized.toFixed(2)}:${pct(f.answerableRefusedRate)}/${pct(f.refusalRecall)}`;
  });
  console.log(`cov ${minCoverage.toFixed(2)}  ${cells.join('  ')}`);
}
console.log(JSON.stringify({ gate: keywordGate, ...evaluateDevSet(index, all) }));
