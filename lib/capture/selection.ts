import { z } from 'zod';

export const selectionCaptureSchema = z.object({
  text: z.string(),
  /** The paragraph (or list item, cell, quote) the selection starts in. */
  paragraph: z.string(),
  /** The headings above the selection, outermost first, e.g. ["Guide", "Install", "Linux"]. */
  headingPath: z.array(z.string()),
  url: z.string(),
  title: z.string(),
});
export type SelectionCapture = z.infer<typeof selectionCaptureSchema>;

const blockTags = new Set([
  'P',
  'LI',
  'BLOCKQUOTE',
  'TD',
  'TH',
  'PRE',
  'DD',
  'DT',
  'FIGCAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
]);
const maxParagraph = 4000;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The nearest block element around a node: the selection's paragraph. */
function blockAround(node: Node): Element | null {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === 1 && blockTags.has((current as Element).tagName.toUpperCase())) return current as Element;
  }
  return node.parentElement?.closest('div, section, article') ?? null;
}

/** The outline of headings that precede `node`: each heading replaces those of its level and deeper. */
function headingPathBefore(document: Document, node: Node): string[] {
  const path: { level: number; text: string }[] = [];
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const position = heading.compareDocumentPosition(node);
    if (!(position & 4) || position & 16) break; // stop at the first heading after (or containing) the selection
    const level = Number(heading.tagName[1]);
    while (path.length > 0 && (path.at(-1)?.level ?? 0) >= level) path.pop();
    const text = squash(heading.textContent ?? '');
    if (text) path.push({ level, text });
  }
  return path.map((entry) => entry.text);
}

/** The user's selection with its context, or null when nothing is selected. */
export function captureSelection(document: Document, url: string): SelectionCapture | null {
  const selection = document.getSelection();
  const text = selection?.toString().trim() ?? '';
  if (!selection || selection.rangeCount === 0 || text === '') return null;
  const start = selection.getRangeAt(0).startContainer;
  const block = blockAround(start);
  return {
    text,
    paragraph: squash(block?.textContent ?? text).slice(0, maxParagraph),
    headingPath: headingPathBefore(document, start),
    url,
    title: document.title.trim(),
  };
}
