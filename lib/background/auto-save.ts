import type { Browser } from 'wxt/browser';
import { autoSaveHintItem } from '../library/auto-save-hint';
import { decideAutoSave } from '../library/auto-save-policy';
import { savePageRecord } from '../library/save-page';
import { autoSaveSettingsItem } from '../settings/secure-settings';
import { captureTab } from '../tabs/capture-tab';

/**
 * A content script's offer of the page its user has been reading: saved when
 * the user's rules allow it. The rules are decided on the URL that is stored:
 * a first look at the tab's address spares capturing pages they refuse
 * anyway, and the capture's own URL (the tab's, as the browser reports it once
 * the page is read; see captureTab) is checked again before it is saved.
 */
export async function offerAutoSave(
  tab: Browser.tabs.Tab,
  hasPasswordField: boolean,
): Promise<{ saved: boolean; reason?: string }> {
  if (tab.id === undefined || !tab.url) return { saved: false, reason: 'no-tab' };
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
