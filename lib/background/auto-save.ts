import type { Browser } from 'wxt/browser';
import { autoSaveHintItem } from '../library/auto-save-hint';
import { decideAutoSave } from '../library/auto-save-policy';
import { saveTab } from '../library/save-tab';
import { autoSaveSettingsItem } from '../settings/secure-settings';

/** A content script's offer of the page its user has been reading: saved when the user's rules allow it. */
export async function offerAutoSave(
  tab: Browser.tabs.Tab,
  hasPasswordField: boolean,
): Promise<{ saved: boolean; reason?: string }> {
  if (tab.id === undefined || !tab.url) return { saved: false, reason: 'no-tab' };
  const decision = decideAutoSave(await autoSaveSettingsItem.getValue(), {
    url: tab.url,
    incognito: tab.incognito,
    hasPasswordField,
  });
  if (!decision.save) return { saved: false, reason: decision.reason };
  await saveTab(tab.id, 'auto');
  return { saved: true };
}

/**
 * How long the content script should watch its page before offering it, or
 * null when the rules would refuse it anyway (off, incognito, a denied site):
 * the rules live out of the page's reach, so the page asks.
 */
export async function autoSaveDelay(tab: Browser.tabs.Tab): Promise<number | null> {
  const settings = await autoSaveSettingsItem.getValue();
  const decision = decideAutoSave(settings, { url: tab.url ?? '', incognito: tab.incognito, hasPasswordField: false });
  return decision.save ? settings.minReadSeconds : null;
}

/** Keeps the content scripts' hint (lib/library/auto-save-hint.ts) in step with the user's setting. */
export function syncAutoSaveHint(): void {
  const sync = (enabled: boolean) => void autoSaveHintItem.setValue(enabled).catch(() => {});
  void autoSaveSettingsItem.getValue().then((settings) => sync(settings.enabled));
  autoSaveSettingsItem.watch((settings) => sync(settings.enabled));
}
