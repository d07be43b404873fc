import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../lib/db/database';
import { useT } from '../hooks/use-t';
import { teamDisplayName } from './team/team-names';

/** The latest runs, solo and team, so a run (finished or interrupted) can be reopened after the panel closed. */
export function RunList({ onOpen }: { onOpen: (id: string, isTeam: boolean) => void }) {
  const t = useT();
  const runs = useLiveQuery(() => db().runs.orderBy('updatedAt').reverse().limit(8).toArray(), []) ?? [];
  if (runs.length === 0) return null;
  return (
    <section className="run-list" data-testid="agent-runs">
      <h3 className="muted">{t('agent.recentRuns')}</h3>
      <ul>
        {runs.map((run) => (
          <li key={run.id}>
            <button
              type="button"
              className="ghost run-item"
              data-status={run.status}
              data-team-id={run.team?.team.id}
              onClick={() => onOpen(run.id, run.team !== undefined)}
            >
              {run.team ? (
                <span className="run-team" data-testid="run-team">
                  {t('teamRun.runLabel', { name: teamDisplayName(run.team.team, t) })}
                </span>
              ) : null}
              {run.team ? ' ' : null}
              <span className="run-goal">{run.goal}</span>
              <span className="muted"> · {t(`agent.status.${run.status}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
