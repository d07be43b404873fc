import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import { writeOrExplainQuota } from '../db/quota';
import type { PageRecord } from '../db/records';
import { pageTerms, recordFields } from './page-record';

export type SaveOutcome = 'saved' | 'updated' | 'unchanged';

/**
 * Saves a captured page into the library: one record per canonical URL.
 * Saving again updates the record when the content changed and keeps the
 * first save time; an unchanged page is left as it is.
 */
export async function savePageRecord(
  page: CapturedPage & { favIconUrl?: string },
  source: PageRecord['source'] = 'saved',
): Promise<{ outcome: SaveOutcome; page: PageRecord }> {
  const fields = await recordFields(page);
  return writeOrExplainQuota(() =>
    db().transaction('rw', db().pages, db().clips, async () => {
      const existing = await db().pages.where('url').equals(fields.url).first();
      if (existing && existing.contentHash === fields.contentHash)
        return { outcome: 'unchanged' as const, page: existing };
      const now = Date.now();
      const clips = existing ? await db().clips.where('pageUrl').equals(existing.url).toArray() : [];
      const record: PageRecord = existing
        ? { ...existing, ...fields, terms: pageTerms(fields, clips), updatedAt: now }
        : { id: crypto.randomUUID(), ...fields, source, tags: [], savedAt: now, updatedAt: now };
      await db().pages.put(record);
      return { outcome: existing ? ('updated' as const) : ('saved' as const), page: record };
    }),
  );
}
