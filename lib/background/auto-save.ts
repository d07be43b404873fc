import type { Browser } from 'wxt/browser';
import { decideAutoSave } from '../library/auto-save-policy';
import { autoSaveSettingsItem } from '../library/auto-save-settings';
import { saveTab } from '../library/save-tab';

/** A content script's offer of the page its user has been reading: saved when the user's rules allow it. */
export async function offerAutoSave(
  sender: Browser.runtime.MessageSender,
  hasPasswordField: boolean,
): Promise<{ saved: boolean; reason?: string }> {
  const tab = sender.tab;
  if (tab?.id === undefined || !tab.url) return { saved: false, reason: 'no-tab' };
  const decision = decideAutoSave(await autoSaveSettingsItem.getValue(), {
    url: tab.url,
    incognito: tab.incognito,
    hasPasswordField,
  });
  if (!decision.save) return { saved: false, reason: decision.reason };
  await saveTab(tab.id, 'auto');
  return { saved: true };
}
