import type { PageRecord } from '../db/records';
import { captureTab } from '../tabs/capture-tab';
import { savePageRecord } from './save-page';

/** Captures a tab's page and saves it into the library. Background only. */
export async function saveTab(tabId: number, source: PageRecord['source'] = 'saved') {
  const { outcome, page } = await savePageRecord(await captureTab(tabId), source);
  return { outcome, id: page.id, title: page.title };
}
