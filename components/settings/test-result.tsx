import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import type { ActionState } from './use-action';
import { useReveal } from './use-reveal';

/** How many listed models to show; OpenRouter lists hundreds. */
const shownModels = 20;

/** The outcome of "Test connection": the models the provider lists (click one to use it), or why it failed. */
export function TestResult({
  state,
  model,
  onPick,
}: {
  state: ActionState<readonly string[] | undefined>;
  model: string;
  onPick: (model: string) => void;
}) {
  const t = useT();
  // The state object changes once per finished test, so each result is brought into view.
  const ref = useReveal<HTMLDivElement>(state.status === 'failed' || state.status === 'done' ? state : null);
  if (state.status === 'failed') {
    return (
      <div ref={ref} data-testid="test-result" data-status="error">
        <ErrorMessage error={state.error} />
      </div>
    );
  }
  if (state.status !== 'done' || !state.value) return null;
  const models = state.value;
  const rest = models.length - shownModels;
  return (
    <div ref={ref} className="test-ok" data-testid="test-result" data-status="ok" role="status">
      <div>{t('settings.testOk', { count: models.length })}</div>
      {models.length > 0 ? (
        <>
          <div className="muted">{t('settings.pickModel')}</div>
          <ul className="model-chips" translate="no">
            {models.slice(0, shownModels).map((id) => (
              <li key={id}>
                <button type="button" aria-pressed={id === model} onClick={() => onPick(id)}>
                  {id}
                </button>
              </li>
            ))}
          </ul>
          {rest > 0 ? <div className="muted">{t('settings.moreModels', { count: rest })}</div> : null}
        </>
      ) : null}
    </div>
  );
}
