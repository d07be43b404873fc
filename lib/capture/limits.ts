/**
 * Limits that keep capture from freezing a tab. Past them, Readability (which
 * scores every node, several passes) is skipped for the bounded visible-text
 * walk, and the record says it was cut.
 */
export const captureLimits = {
  /** Elements in the document above which Readability is skipped. */
  maxElements: 50_000,
  /** Characters of HTML (≈10 MB) above which Readability is skipped. */
  maxHtmlChars: 10_000_000,
  /** Nodes the visible-text walk visits at most. */
  maxWalkNodes: 200_000,
  /** Characters of Markdown kept at most. */
  maxMarkdownChars: 2_000_000,
} as const;

/** True when the document is too large for Readability within a bounded time. */
export function isOversized(document: Document, limits = captureLimits): boolean {
  if (document.getElementsByTagName('*').length > limits.maxElements) return true;
  // textContent length is a cheap lower bound for HTML size without serializing the page.
  return (document.documentElement?.textContent?.length ?? 0) > limits.maxHtmlChars;
}
