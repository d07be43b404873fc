/**
 * Where the article is in a printed page's extracted text, for the PDF eval.
 * A printed page keeps the site's navigation, sidebars and footer, which the
 * corpus's expected article leaves out. Each extracted token that lies in a
 * run of `gram` tokens also found in the article scores +1, every other
 * token −1, and the article is the contiguous span with the highest sum (the
 * maximum-sum segment, as body-text extraction does with text and markup).
 * One rule for every page: chrome before and after the article is left out,
 * a stray match in a sidebar (common for Chinese, where each character is a
 * token) does not stretch the span, and whatever lies inside the span
 * (a sidebar printed between two parts of the article) still counts against it.
 */

/** The run length that marks a token as the article's: 4 tokens, as the English side has always used. */
export const articleGram = 4;

/** The extracted tokens of the span that best matches the article; all of them when nothing matches. */
export function articleSpan(expected: readonly string[], actual: readonly string[], gram = articleGram): string[] {
  const key = (list: readonly string[], i: number) => list.slice(i, i + gram).join('\u0001');
  const expectedGrams = new Set<string>();
  for (let i = 0; i + gram <= expected.length; i++) expectedGrams.add(key(expected, i));
  const inArticle = new Array<boolean>(actual.length).fill(false);
  for (let i = 0; i + gram <= actual.length; i++) {
    if (expectedGrams.has(key(actual, i))) inArticle.fill(true, i, i + gram);
  }
  // Kadane's maximum-sum segment over +1 (the article's) and −1 (anything else).
  let best = { sum: 0, start: 0, end: 0 };
  let sum = 0;
  let start = 0;
  for (let i = 0; i < actual.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += inArticle[i] ? 1 : -1;
    if (sum > best.sum) best = { sum, start, end: i + 1 };
  }
  return best.sum > 0 ? actual.slice(best.start, best.end) : [...actual];
}
