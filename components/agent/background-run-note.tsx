import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';

/**
 * A run still going on in the background (its panel closed; this one did not
 * start it): it shows what it stores as it goes, and can be stopped from here.
 */
export function BackgroundRunNote({ runId }: { runId: string }) {
  const t = useT();
  return (
    <div className="note row" data-testid="run-in-background">
      <span className="typing">{t('agent.inBackground')}</span>
      <span className="spacer" />
      <button type="button" onClick={() => void callBackground('runs.stop', { id: runId })}>
        {t('teamRun.stop')}
      </button>
    </div>
  );
}
