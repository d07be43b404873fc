import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';
import { cmp } from 'dexie';

/** Pages a write touched: their ids, or `all` when Dexie reports a range (a clear, a bulk write of 50+, a range delete). */
export type ChangedPages = readonly string[] | 'all';

/**
 * The saved pages a database write touched, from the parts Dexie's
 * `storagemutated` event reports (in this context and, over its broadcast,
 * in the others): the primary keys of the `pages` table of database
 * `dbName`. Null when the write did not touch pages.
 */
export function changedPages(parts: ObservabilitySet, dbName: string): ChangedPages | null {
  // Dexie reports `all` when anything may have changed (a page restored from the back-forward cache).
  if ('all' in parts) return 'all';
  const tree = parts[`idb://${dbName}/pages/`];
  if (!tree || !isNode(tree)) return null;
  const ids: string[] = [];
  const walk = (node: IntervalTreeNode | null | undefined): boolean => {
    if (!node) return true;
    if (typeof node.from !== 'string' || cmp(node.from, node.to) !== 0) return false;
    ids.push(node.from);
    return walk(node.l) && walk(node.r);
  };
  return walk(tree) ? ids : 'all';
}

function isNode(tree: IntervalTree): tree is IntervalTreeNode {
  return 'from' in tree;
}
