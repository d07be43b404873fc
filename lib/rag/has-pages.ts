import { kindOf } from '../capture/context-kind';
import type { PageRecord } from '../db/records';

/** True when the saved item's Markdown has `[Page N]` markers: a PDF. */
export function hasPages(page: Pick<PageRecord, 'kind'>): boolean {
  const kind = kindOf(page);
  return kind.kind === 'pdf' || (kind.kind === 'file' && kind.format === 'pdf');
}
