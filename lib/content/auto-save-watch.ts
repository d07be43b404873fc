import { autoSaveHinted } from './loader/read-local';
import { sendToBackground } from './loader/send-to-background';
import { afterVisibleReading } from './reading-timer';

/**
 * When automatic saving may apply to this page, offers it to the background
 * once the user has read it for the minimum time. The background holds the
 * rules (sites, incognito) and decides again when the offer comes; the page
 * only reports whether it has a password field. Part of the always-loaded
 * content script, so it reads the hint and the answer without zod.
 */
export async function watchForAutoSave(signal: AbortSignal): Promise<void> {
  if (!(await autoSaveHinted())) return;
  const reply = (await sendToBackground('autosave.watch', {}).catch(() => null)) as { minReadSeconds?: unknown } | null;
  const minReadSeconds = reply?.minReadSeconds;
  if (typeof minReadSeconds !== 'number' || signal.aborted) return;
  afterVisibleReading(minReadSeconds, signal, () => {
    const hasPasswordField = document.querySelector('input[type="password"]') !== null;
    sendToBackground('autosave.offer', { hasPasswordField }).catch(() => {
      // A refused or failed automatic save is silent by design: the user did not ask for it.
    });
  });
}
