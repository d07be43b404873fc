import { captureTab } from '../tabs/capture-tab';
import { savePageRecord } from './save-page';

/** Captures a tab's page and saves it into the library. Background only. */
export async function saveTab(tabId: number) {
  const { outcome, page } = await savePageRecord(await captureTab(tabId));
  return { outcome, id: page.id, title: page.title };
}
