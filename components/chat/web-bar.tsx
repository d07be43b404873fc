import { browser } from 'wxt/browser';
import { type ChosenEngine, chosenEngine } from '../../lib/search/chosen-engine';
import { webSearchSettingsItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';

/** Shown instead of the page bar when questions go to a web search: which engine, on which host. */
export function WebBar() {
  const t = useT();
  const settings = useStorageItem(webSearchSettingsItem);
  const engine = settings ? engineOrNull(() => chosenEngine(settings)) : null;
  return (
    <div className="context-bar web-bar" data-testid="web-bar">
      {engine ? (
        <div
          className="muted one-line"
          title={t('web.bar', { engine: engine.name, host: new URL(engine.origin).host })}
        >
          {t('web.bar', { engine: engine.name, host: new URL(engine.origin).host })}
        </div>
      ) : (
        <button type="button" className="ghost" onClick={() => browser.runtime.openOptionsPage()}>
          {t('websearch.title')} ⚙
        </button>
      )}
    </div>
  );
}

/** The chosen engine, or null while it is not set up (the search then says what is missing). */
export function engineOrNull(resolve: () => ChosenEngine): ChosenEngine | null {
  try {
    return resolve();
  } catch {
    return null;
  }
}
