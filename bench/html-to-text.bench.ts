/**
 * htmlToText on hostile pages: many openings that are never closed. Time per
 * size, doubling the size each row: linear code doubles its time, quadratic
 * code quadruples it. The regex the previous version used for hidden elements
 * is timed on the same inputs as the reference ("before").
 * Run: npx tsx bench/html-to-text.bench.ts
 */
import { htmlToText } from '../lib/web/html-to-text';
import { median, report, round } from './stats';

const shapes = { script: '<script>', comment: '<!--', title: '<title>', tag: '<a ' } as const;
const sizes = [10_000, 20_000, 40_000, 80_000];
/** The previous version's pattern for hidden elements, rescanning the rest of the page from every opening. */
const previousHidden = /<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi;

function time(run: () => void, rounds = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const rows: { shape: string; copies: number; kb: number; ms: number; beforeMs?: number }[] = [];
for (const [shape, unit] of Object.entries(shapes)) {
  for (const copies of sizes) {
    const html = `${unit.repeat(copies)}tail`;
    const ms = time(() => htmlToText(html));
    // Only the script shape and its smaller sizes: the old pattern takes seconds beyond.
    const beforeMs =
      shape === 'script' && copies <= 40_000 ? time(() => html.replace(previousHidden, ''), 1) : undefined;
    rows.push({
      shape,
      copies,
      kb: round(html.length / 1024, 0),
      ms: round(ms),
      ...(beforeMs ? { beforeMs: round(beforeMs) } : {}),
    });
  }
}
for (const row of rows) {
  const before = row.beforeMs === undefined ? '' : `   before: ${row.beforeMs} ms`;
  console.log(
    `${row.shape.padEnd(8)} ${String(row.copies).padStart(6)} copies ${String(row.kb).padStart(5)} KB  ${row.ms} ms${before}`,
  );
}
/** Time for the largest input over time for half of it: 2 when linear, 4 when quadratic. */
const growth = (shape: string) => {
  const [half, full] = rows.filter((row) => row.shape === shape).slice(-2);
  return round((full?.ms ?? 0) / Math.max(half?.ms ?? 0, 0.01));
};
report('html-to-text', Object.fromEntries(Object.keys(shapes).map((shape) => [`${shape}Growth`, growth(shape)])), {
  rows,
});
