/** Elements whose text a reader never sees, or that are page chrome rather than content. */
const skipped = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'NAV',
  'FOOTER',
  'ASIDE',
  'HEAD',
  'SELECT',
  'OPTION',
  'BUTTON',
]);
const blocks = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'LI',
  'UL',
  'OL',
  'TABLE',
  'TR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
  'BLOCKQUOTE',
  'BR',
  'HR',
  'DD',
  'DT',
  'FIGCAPTION',
  'TD',
  'TH',
]);

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The element that holds the page's main content, or the body. */
export function mainContentRoot(document: Document): Element | null {
  return document.querySelector('main, [role="main"]') ?? document.querySelector('article') ?? document.body;
}

export interface VisibleText {
  readonly text: string;
  /** True when the node budget ran out before the walk finished. */
  readonly cut: boolean;
}

/**
 * The text a reader sees in `root`, paragraphs kept as blank-line-separated
 * blocks. Walks the DOM (no layout needed, so it works in any document) and
 * stops after `maxNodes` nodes so a giant page cannot freeze the tab.
 */
export function visibleText(root: Element, maxNodes = 200_000): VisibleText {
  const parts: string[] = [];
  let visited = 0;
  let cut = false;
  const walk = (node: Node) => {
    if (cut) return;
    if (++visited > maxNodes) {
      cut = true;
      return;
    }
    if (node.nodeType === 3) {
      parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (skipped.has(tag) || isHidden(element)) return;
    const block = blocks.has(tag);
    if (block) parts.push('\n\n');
    if (/^H[1-6]$/.test(tag)) parts.push(`${'#'.repeat(Number(tag[1]))} `);
    else if (tag === 'LI') parts.push('- ');
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  const text = parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^(#+|-) *\n/gm, '')
    .trim();
  return { text, cut };
}
