import type { CapturedPage } from '../capture/page-context';
import { db } from '../db/database';
import { writeOrExplainQuota } from '../db/quota';
import type { PageRecord } from '../db/records';
import { retitlePage } from '../rag/vector-index';
import { pageTerms, recordFields } from './page-record';

export type SaveOutcome = 'saved' | 'updated' | 'unchanged';

/**
 * Saves a captured page into the library: one record per canonical URL.
 * Saving again updates the record when the content or the title changed and
 * keeps the first save time; an unchanged page is left as it is. A new title
 * over the same text reaches keyword search at once (retitlePage); changed
 * text reaches it through the ingest queue, which watches the pages' hashes.
 */
export async function savePageRecord(
  page: CapturedPage & { favIconUrl?: string },
  source: PageRecord['source'] = 'saved',
): Promise<{ outcome: SaveOutcome; page: PageRecord }> {
  const fields = await recordFields(page);
  let retitled = false;
  const saved = await writeOrExplainQuota(() =>
    db().transaction('rw', db().pages, db().clips, async () => {
      const existing = await db().pages.where('url').equals(fields.url).first();
      if (existing && existing.contentHash === fields.contentHash && existing.title === fields.title)
        return { outcome: 'unchanged' as const, page: existing };
      retitled = existing !== undefined && existing.contentHash === fields.contentHash;
      const now = Date.now();
      const clips = existing ? await db().clips.where('pageUrl').equals(existing.url).toArray() : [];
      const record: PageRecord = existing
        ? { ...existing, ...fields, terms: pageTerms(fields, clips), updatedAt: now }
        : { id: crypto.randomUUID(), ...fields, source, tags: [], savedAt: now, updatedAt: now };
      await db().pages.put(record);
      return { outcome: existing ? ('updated' as const) : ('saved' as const), page: record };
    }),
  );
  if (retitled) await retitlePage(saved.page.id);
  return saved;
}
