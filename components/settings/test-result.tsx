import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import type { ActionState } from './use-action';

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
  if (state.status === 'failed') {
    return (
      <div data-testid="test-result" data-status="error">
        <ErrorMessage error={state.error} />
      </div>
    );
  }
  if (state.status !== 'done' || !state.value) return null;
  const models = state.value;
  const rest = models.length - shownModels;
  return (
    <div className="test-ok" data-testid="test-result" data-status="ok" role="status">
      <div>{t('settings.testOk', { count: models.length })}</div>
      {models.length > 0 ? (
        <>
          <div className="muted">{t('settings.pickModel')}</div>
          <ul className="model-chips">
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
