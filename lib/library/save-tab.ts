import type { PageRecord } from '../db/records';
import { captureTab } from '../tabs/capture-tab';
import { savePageRecord } from './save-page';

/**
 * Captures a tab's page and saves it into the library. Background only. The
 * record's URL is the one captureTab vouches for (the tab's, or a same-origin
 * canonical URL), never one the page alone claims.
 */
export async function saveTab(tabId: number, source: PageRecord['source'] = 'saved') {
  const { outcome, page } = await savePageRecord(await captureTab(tabId), source);
  return { outcome, id: page.id, title: page.title, url: page.url };
}
