import type { Browser } from 'wxt/browser';
import { decideAutoSave } from '../library/auto-save-policy';
import { autoSaveSettingsItem } from '../library/auto-save-settings';
import { savePageRecord } from '../library/save-page';
import { captureTab } from '../tabs/capture-tab';

/**
 * A content script's offer of the page its user has been reading: saved when
 * the user's rules allow it. The rules are decided on the URL that is stored:
 * a first look at the tab's address spares capturing pages they refuse
 * anyway, and the capture's own URL (the tab's, as the browser reports it once
 * the page is read; see captureTab) is checked again before it is saved.
 */
export async function offerAutoSave(
  sender: Browser.runtime.MessageSender,
  hasPasswordField: boolean,
): Promise<{ saved: boolean; reason?: string }> {
  const tab = sender.tab;
  if (tab?.id === undefined || !tab.url) return { saved: false, reason: 'no-tab' };
  const settings = await autoSaveSettingsItem.getValue();
  const candidate = { incognito: tab.incognito, hasPasswordField };
  const early = decideAutoSave(settings, { ...candidate, url: tab.url });
  if (!early.save) return { saved: false, reason: early.reason };
  const page = await captureTab(tab.id);
  const decision = decideAutoSave(settings, { ...candidate, url: page.url });
  if (!decision.save) return { saved: false, reason: decision.reason };
  await savePageRecord(page, 'auto');
  return { saved: true };
}
