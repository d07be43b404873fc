import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../lib/db/database';

/** A stored run (agent or team) and its tool steps in order, kept current as the background writes them. */
export function useStoredRun(runId: string) {
  const run = useLiveQuery(() => db().runs.get(runId), [runId]);
  const steps =
    useLiveQuery(
      () => db().runSteps.where('[runId+index]').between([runId, 0], [runId, Number.POSITIVE_INFINITY]).toArray(),
      [runId],
    ) ?? [];
  return { run, steps };
}
