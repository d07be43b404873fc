/** CJK ideographs, kana and hangul: about one token each in common tokenizers. */
const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/**
 * A fast token estimate without a tokenizer: CJK characters count one token
 * each, other text one token per four characters. Good enough for budgets.
 */
export function estimateTokens(text: string): number {
  const cjkCount = text.match(cjk)?.length ?? 0;
  return cjkCount + Math.ceil((text.length - cjkCount) / 4);
}

export interface BudgetCut {
  readonly text: string;
  /** Estimated tokens of `text` (without the cut marker). */
  readonly tokens: number;
  readonly totalTokens: number;
  readonly truncated: boolean;
}

/**
 * Cuts Markdown to about `budget` tokens at a paragraph or line boundary and
 * says so in the text itself, so the model knows it saw only part of the page.
 */
export function cutToTokenBudget(markdown: string, budget: number): BudgetCut {
  const totalTokens = estimateTokens(markdown);
  if (totalTokens <= budget) return { text: markdown, tokens: totalTokens, totalTokens, truncated: false };
  // Binary search for the longest prefix within budget: estimateTokens is monotonic in length.
  let low = 0;
  let high = markdown.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (estimateTokens(markdown.slice(0, mid)) <= budget) low = mid;
    else high = mid - 1;
  }
  const prefix = markdown.slice(0, low);
  const boundary = Math.max(prefix.lastIndexOf('\n\n'), prefix.lastIndexOf('\n'));
  // Prefer a line boundary unless that would drop more than a fifth of the allowance.
  const end = boundary > low * 0.8 ? boundary : low;
  const text = markdown.slice(0, end).trimEnd();
  const tokens = estimateTokens(text);
  return {
    text: `${text}\n\n[… page cut: showing about ${tokens} of ${totalTokens} tokens]`,
    tokens,
    totalTokens,
    truncated: true,
  };
}
