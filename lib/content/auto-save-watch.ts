import { autoSaveSettingsItem } from '../library/auto-save-settings';
import { callBackground } from '../messaging/requests';
import { afterVisibleReading } from './reading-timer';

/**
 * When automatic saving is on, offers this page to the background once the
 * user has read it for the minimum time. The background decides (sites,
 * incognito) and saves; the page only reports whether it has a password field.
 */
export async function watchForAutoSave(signal: AbortSignal): Promise<void> {
  const settings = await autoSaveSettingsItem.getValue();
  if (!settings.enabled || signal.aborted) return;
  afterVisibleReading(settings.minReadSeconds, signal, () => {
    const hasPasswordField = document.querySelector('input[type="password"]') !== null;
    callBackground('autosave.offer', { hasPasswordField }).catch(() => {
      // A refused or failed automatic save is silent by design: the user did not ask for it.
    });
  });
}
