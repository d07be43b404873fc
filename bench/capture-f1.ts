/** Tokens for text similarity: lowercase words, and each CJK character on its own. */
export function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu) ?? []
  ).filter(Boolean);
}

/** Markdown reduced to its words: link targets, emphasis and table/heading marks removed. */
export function markdownText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[#*_`|>~-]+/g, ' ');
}

/** Token-level F1 of two token multisets. */
export function f1(expected: readonly string[], actual: readonly string[]): number {
  if (expected.length === 0 && actual.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of actual) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(token, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / actual.length;
  const recall = overlap / expected.length;
  return (2 * precision * recall) / (precision + recall);
}
