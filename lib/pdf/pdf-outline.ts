import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { OutlineEntry } from './pdf-markdown';

interface OutlineNode {
  readonly title: string;
  readonly dest: string | unknown[] | null;
  readonly items: readonly OutlineNode[];
}

/** Entries read at most: an outline is a table of contents, not the document. */
const maxEntries = 2000;

/** The PDF's outline (bookmarks), flattened, each entry with its depth and the page it points to. */
export async function readOutline(doc: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const roots = ((await doc.getOutline()) ?? []) as readonly OutlineNode[];
  const entries: OutlineEntry[] = [];
  const visit = async (nodes: readonly OutlineNode[], depth: number) => {
    for (const node of nodes) {
      if (entries.length >= maxEntries) return;
      const page = await pageOf(doc, node.dest);
      if (page !== null) entries.push({ title: node.title, depth, page });
      await visit(node.items ?? [], depth + 1);
    }
  };
  await visit(roots, 0);
  return entries;
}

/** The 1-based page a destination (named or explicit) points to, or null. */
async function pageOf(doc: PDFDocumentProxy, dest: OutlineNode['dest']): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const ref = explicit?.[0];
    if (ref === undefined || ref === null) return null;
    const index = typeof ref === 'number' ? ref : await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0]);
    return index + 1;
  } catch {
    return null;
  }
}
