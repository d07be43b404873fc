import { useT } from '../hooks/use-t';

/**
 * What a running run is doing now, instead of a bare "Working…": which step
 * it is on and the activity ("Step 3 · Read tab: Mozilla"). A status region,
 * so screen readers hear it change; the spinner is decoration.
 */
export function RunProgress({ step, activity }: { step: number; activity: string }) {
  const t = useT();
  return (
    <div className="agent-progress typing" role="status" data-testid="run-progress" data-step={step}>
      <span className="agent-spinner" aria-hidden="true" />
      <span className="agent-progress-text">{t('agent.progress', { step, activity })}</span>
    </div>
  );
}
