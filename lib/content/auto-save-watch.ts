import { autoSaveHintItem } from '../library/auto-save-hint';
import { callBackground } from '../messaging/requests';
import { afterVisibleReading } from './reading-timer';

/**
 * When automatic saving may apply to this page, offers it to the background
 * once the user has read it for the minimum time. The background holds the
 * rules (sites, incognito) and decides again when the offer comes; the page
 * only reports whether it has a password field.
 */
export async function watchForAutoSave(signal: AbortSignal): Promise<void> {
  if (!(await autoSaveHintItem.getValue())) return;
  const { minReadSeconds } = await callBackground('autosave.watch', {}).catch(() => ({ minReadSeconds: null }));
  if (minReadSeconds === null || signal.aborted) return;
  afterVisibleReading(minReadSeconds, signal, () => {
    const hasPasswordField = document.querySelector('input[type="password"]') !== null;
    callBackground('autosave.offer', { hasPasswordField }).catch(() => {
      // A refused or failed automatic save is silent by design: the user did not ask for it.
    });
  });
}
