import type { KeywordHit } from './bm25';

/** The thresholds a keyword hit must reach to count as relevant when keyword search answers alone. */
export interface KeywordGate {
  /** Share of the question's weight (Σ idf of its topic terms) the chunk, its headings or its title hold. */
  readonly minCoverage: number;
  /** BM25F score over the best score possible for the question (KeywordHit.normalized). */
  readonly minNormalized: number;
}

/**
 * Tuned on the development set (tests/support/library-dev-set.ts: 195
 * answerable and 90 off-topic questions, English and Chinese, over the 130
 * real pages of the Readability corpus); `npx tsx bench/library-gate.eval.ts`
 * prints the grid and the figures, tests/unit/library-gate.test.ts holds them
 * to the goals (≤ 5 % of answerable questions refused, ≥ 80 % of off-topic
 * ones answered "not in your library").
 *
 * Coverage does most of the work: an off-topic question shares a word or two
 * with some saved page ("rice", "tire"), rarely its rarest ones, and a word
 * no saved page has counts with the highest weight. The normalized score
 * drops chunks that hold the words only in passing.
 */
export const keywordGate: KeywordGate = { minCoverage: 0.6, minNormalized: 0.1 };

/** Whether a keyword hit is relevant enough to answer from. */
export function passesKeywordGate(hit: KeywordHit, gate: KeywordGate = keywordGate): boolean {
  return hit.coverage >= gate.minCoverage && hit.normalized >= gate.minNormalized;
}
