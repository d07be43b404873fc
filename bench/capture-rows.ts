/** The capture eval's per-page rows, their totals, and the table of misses. */
import type { Overlap } from './capture-f1';
import { median, percentile, round } from './stats';

export interface Metadata {
  readonly title: string | null;
  readonly byline: string | null;
  readonly siteName: string | null;
}

const fields = ['title', 'byline', 'siteName'] as const;
type Field = (typeof fields)[number];

export interface Row {
  page: string;
  /** Readability's corpus says whether the page reads as an article; F1 totals count only those that do. */
  readerable: boolean;
  /** A reply with non-empty Markdown, within the timeout. */
  captured: boolean;
  error?: string;
  expected: Metadata;
  got?: Metadata;
  matches?: Record<Field, boolean>;
  method?: string;
  cutAtCapture?: boolean;
  markdownChars?: number;
  /** Tables the Markdown carries as raw HTML (turndown-plugin-gfm keeps tables without a header row). */
  rawHtmlTables?: number;
  score?: Overlap;
  /** Milliseconds the capture took in the page, as the content script reports it. */
  captureMs?: number;
  /** Bare Readability on its own fresh load of the page: as cold as the capture. */
  rawMs?: number;
  rawError?: string;
  /** Bare Readability in the capture's tab, right after the capture: warmed up, for comparison. */
  rawAfterCaptureMs?: number;
}

/** Equal after trimming, with null and '' the same. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').trim() === (b ?? '').trim();
}

export function metadataMatches(expected: Metadata, got: Metadata): Record<Field, boolean> {
  return {
    title: sameText(got.title, expected.title),
    byline: sameText(got.byline, expected.byline),
    siteName: sameText(got.siteName, expected.siteName),
  };
}

/** Below this raw Readability time a ratio would mostly divide by timer noise. */
const minRawMs = 0.5;
const f1Of = (row: Row) => (row.captured ? (row.score?.f1 ?? 0) : 0);

/** The headline figures; a failed capture scores F1 0 and matches nothing. */
export function summarize(rows: readonly Row[]): Record<string, number> {
  const captured = rows.filter((row) => row.captured);
  const count = (field: Field) => captured.filter((row) => row.matches?.[field]).length;
  const readerableF1 = rows.filter((row) => row.readerable).map(f1Of);
  const captureMs = captured.flatMap((row) => (row.captureMs === undefined ? [] : [row.captureMs]));
  const rawMs = rows.flatMap((row) => (row.rawMs === undefined ? [] : [row.rawMs]));
  const ratios = (baseline: (row: Row) => number | undefined) =>
    captured.flatMap((row) => {
      const raw = baseline(row);
      return row.captureMs !== undefined && raw !== undefined && raw > minRawMs ? [row.captureMs / raw] : [];
    });
  const coldRatios = ratios((row) => row.rawMs);
  return {
    pages: rows.length,
    captured: captured.length,
    titleMatch: count('title'),
    bylineMatch: count('byline'),
    siteNameMatch: count('siteName'),
    medianF1: round(median(readerableF1), 4),
    shareF1AtLeast90: round(readerableF1.filter((f1) => f1 >= 0.9).length / readerableF1.length, 4),
    medianOverheadRatio: round(median(coldRatios), 3),
    /** Captured pages with no ratio: raw Readability too fast to divide by, or not measured. */
    ratioSkipped: captured.length - coldRatios.length,
    /** The same ratio against Readability run second in the capture's tab (warmed up): overstated. */
    medianOverheadRatioWarmRaw: round(median(ratios((row) => row.rawAfterCaptureMs)), 3),
    medianCaptureMs: round(median(captureMs)),
    p95CaptureMs: round(percentile(captureMs, 95)),
    medianRawMs: round(median(rawMs)),
    pagesWithRawHtmlTables: captured.filter((row) => (row.rawHtmlTables ?? 0) > 0).length,
  };
}

const shown = (value: string | null | undefined) => {
  const text = JSON.stringify(value ?? null);
  return text.length > 70 ? `${text.slice(0, 67)}…"` : text;
};

/** Prints pages with F1 < 0.9, a metadata mismatch or a failed capture, one difference a line. */
export function printMisses(rows: readonly Row[]): void {
  const misses = rows.filter(
    (row) => !row.captured || f1Of(row) < 0.9 || fields.some((field) => row.matches?.[field] === false),
  );
  console.log(`\nMisses: ${misses.length} of ${rows.length} pages (F1 < 0.9, metadata mismatch, or no capture)`);
  console.log(
    `${'page'.padEnd(44)} ${'F1'.padStart(5)} ${'prec'.padStart(5)} ${'rec'.padStart(5)}  method        difference`,
  );
  for (const row of misses) {
    const score = row.score;
    const numbers = [f1Of(row), score?.precision, score?.recall].map((n) => (n === undefined ? '-' : n.toFixed(2)));
    const differences = row.captured
      ? fields
          .filter((field) => row.matches?.[field] === false)
          .map((field) => `${field}: expected ${shown(row.expected[field])}, got ${shown(row.got?.[field])}`)
      : [`no capture: ${row.error ?? 'empty Markdown'}`];
    if (row.rawHtmlTables) differences.push(`${row.rawHtmlTables} table(s) left as raw HTML in the Markdown`);
    if (!row.readerable) differences.push('(not readerable: F1 not in the totals)');
    const lead = `${row.page.padEnd(44)} ${numbers.map((n) => n.padStart(5)).join(' ')}  ${(row.method ?? '-').padEnd(13)}`;
    console.log(`${lead} ${differences[0] ?? ''}`);
    for (const line of differences.slice(1)) console.log(`${''.padEnd(lead.length)} ${line}`);
  }
  console.log('');
}
