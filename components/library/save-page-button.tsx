import { callBackground } from '../../lib/messaging/requests';
import type { ActiveTab } from '../hooks/use-active-tab';
import { useT } from '../hooks/use-t';
import { useAction } from '../settings/use-action';
import { ErrorMessage } from '../ui/error-message';

/** Saves the active tab's page into the library and says what happened. */
export function SavePageButton({ tab }: { tab: ActiveTab | null }) {
  const t = useT();
  const save = useAction((tabId: number) => callBackground('library.saveTab', { tabId }));
  const clip = useAction((tabId: number) => callBackground('library.saveSelection', { tabId }));
  const state = save.state;
  return (
    <div className="save-page">
      <button
        type="button"
        className="primary"
        disabled={!tab || state.status === 'running'}
        onClick={() => tab && save.run(tab.id)}
      >
        {state.status === 'running' ? t('library.saving') : t('library.saveThisPage')}
      </button>
      <button type="button" disabled={!tab || clip.state.status === 'running'} onClick={() => tab && clip.run(tab.id)}>
        {t('library.saveSelection')}
      </button>
      {clip.state.status === 'done' ? (
        <span role="status" className="muted" data-testid="clip-outcome">
          {t('library.clipSaved')}
        </span>
      ) : null}
      {clip.state.status === 'failed' ? <ErrorMessage error={clip.state.error} /> : null}
      {state.status === 'done' ? (
        <span role="status" className="muted" data-testid="save-outcome" data-outcome={state.value.outcome}>
          {t(`library.${state.value.outcome}`)}
        </span>
      ) : null}
      {state.status === 'failed' ? <ErrorMessage error={state.error} /> : null}
    </div>
  );
}
