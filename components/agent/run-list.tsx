import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../lib/db/database';
import { useT } from '../hooks/use-t';

/** The latest runs, so a run (finished or interrupted) can be reopened after the panel closed. */
export function RunList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const runs = useLiveQuery(() => db().runs.orderBy('updatedAt').reverse().limit(8).toArray(), []) ?? [];
  if (runs.length === 0) return null;
  return (
    <section className="run-list" data-testid="agent-runs">
      <h3 className="muted">{t('agent.recentRuns')}</h3>
      <ul>
        {runs.map((run) => (
          <li key={run.id}>
            <button type="button" className="ghost run-item" data-status={run.status} onClick={() => onOpen(run.id)}>
              <span className="run-goal">{run.goal}</span>
              <span className="muted"> · {t(`agent.status.${run.status}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
