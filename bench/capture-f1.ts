/**
 * Text similarity for the capture eval: token-level F1 between the article
 * Readability's corpus expects and the Markdown Aside captured.
 */

const token = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;

/**
 * Lowercase words of letters and digits; each CJK character (Han, kana,
 * Hangul) is a token of its own, since those scripts put no spaces between words.
 */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(token) ?? [];
}

/**
 * Markdown reduced to the words a reader sees: link targets dropped (the URL
 * would count as words the article never showed), then heading, emphasis,
 * table and code marks removed.
 */
export function markdownText(markdown: string): string {
  return (
    markdown
      // [text](url "title"), the url possibly holding one level of parentheses (Wikipedia's do).
      .replace(/\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"(?:\\.|[^"\\])*")?\)/g, '$1')
      .replace(/^ {0,3}#{1,6}\s/gm, '')
      .replace(/[*_|`]+/g, ' ')
  );
}

export interface Overlap {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

/** Precision, recall and F1 of the multiset overlap of two token lists. */
export function overlap(expected: readonly string[], actual: readonly string[]): Overlap {
  if (expected.length === 0 && actual.length === 0) return { f1: 1, precision: 1, recall: 1 };
  const counts = new Map<string, number>();
  for (const word of expected) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of actual) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  if (shared === 0) return { f1: 0, precision: 0, recall: 0 };
  const precision = shared / actual.length;
  const recall = shared / expected.length;
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}
