import { browser } from 'wxt/browser';
import type { SerializedError } from '../../lib/messaging/errors';
import { useT } from '../hooks/use-t';

/** Errors fixed on the options page's provider settings (a key, a model name, no provider at all). */
const fixedInProviderSettings = new Set(['auth', 'model-not-found', 'key-origin', 'no-provider']);

/** Opens the options page at its providers. */
export function openProviderSettings(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#providers') });
}

/** "Open settings" beside Retry, for an error the user fixes in the provider settings; nothing otherwise. */
export function OpenSettingsFix({ error }: { error: SerializedError }) {
  const t = useT();
  if (!fixedInProviderSettings.has(error.code)) return null;
  return (
    <button type="button" className="primary" data-testid="open-settings-fix" onClick={openProviderSettings}>
      {t('chat.openSettings')}
    </button>
  );
}
