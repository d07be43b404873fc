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
  return (htmlSize(document) ?? 0) > limits.maxHtmlChars;
}

/**
 * The size of the page's HTML as the browser decoded it, from the navigation
 * timing entry: free to read, where serializing the page would cost as much as
 * the capture itself. Unknown outside a browser tab.
 */
function htmlSize(document: Document): number | undefined {
  const timing = document.defaultView?.performance?.getEntriesByType?.('navigation')[0];
  return (timing as PerformanceNavigationTiming | undefined)?.decodedBodySize;
}
