/**
 * BM25F parameters (Robertson, Zaragoza & Taylor 2004, "Simple BM25
 * extension to multiple weighted fields"): a term's frequency in each field
 * is length-normalized with that field's b, weighted, summed, and only then
 * saturated with k1, so a word in the title and the text counts more than in
 * the text alone, but never more than a word that is there many times.
 *
 * Weights checked on the development set (tests/support/library-dev-set.ts;
 * `npx tsx bench/library-gate.eval.ts` prints hit@5 with and without the
 * title and heading fields): the title names what a whole page is about, so
 * a word there counts three times a word of the text; a heading names a
 * section, twice.
 */
export const bm25f = {
  k1: 1.2,
  body: { weight: 1, b: 0.75 },
  heading: { weight: 2, b: 0.5 },
  title: { weight: 3, b: 0.5 },
} as const;

export type Bm25fParams = {
  readonly k1: number;
  readonly body: { readonly weight: number; readonly b: number };
  readonly heading: { readonly weight: number; readonly b: number };
  readonly title: { readonly weight: number; readonly b: number };
};
