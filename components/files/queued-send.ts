import type { FileItem } from './use-local-files';

/** What becomes of a question the user sent while attached files were still being read. */
export type QueuedOutcome =
  | { readonly type: 'wait'; readonly reading: readonly string[] }
  | { readonly type: 'send' }
  /** A file it waited for could not be read or was removed: the question stays in the box, unsent. */
  | { readonly type: 'hold'; readonly name: string; readonly why: 'failed' | 'removed' };

/**
 * Decides a waiting question's fate from the composer's files: it waits while
 * any file is being read, goes once all are read, and stays unsent when a file
 * it waited for failed or was removed (sending without it would answer a
 * question the user did not ask). `waitedFor` holds the ids and names of the
 * files that were being read when the user pressed Enter.
 */
export function queuedOutcome(
  waitedFor: readonly { readonly id: string; readonly name: string }[],
  items: readonly FileItem[],
): QueuedOutcome {
  const reading = items.filter((item) => item.status === 'reading').map((item) => item.name);
  if (reading.length > 0) return { type: 'wait', reading };
  for (const file of waitedFor) {
    const now = items.find((item) => item.id === file.id);
    if (!now) return { type: 'hold', name: file.name, why: 'removed' };
    if (now.status === 'failed') return { type: 'hold', name: file.name, why: 'failed' };
  }
  return { type: 'send' };
}
