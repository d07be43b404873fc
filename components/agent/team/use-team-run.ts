import { useCallback } from 'react';
import { callBackground } from '../../../lib/messaging/requests';
import { useRunStream } from '../use-run-stream';
import type { TaskDraft } from './task-edits';
import { reduceTeamEvent, startingRun } from './team-run-reducer';

/** A team run in the side panel: start, resume, stop, answer prompts, step in and edit the task list. */
export function useTeamRun() {
  const run = useRunStream('team', startingRun, reduceTeamEvent);
  const { runId } = run;

  /** False when the run was not running any more. */
  const interject = useCallback(
    async (text: string): Promise<boolean> =>
      runId ? (await callBackground('team.interject', { runId, text })).delivered : false,
    [runId],
  );

  const setTasks = useCallback(
    async (tasks: readonly TaskDraft[]): Promise<boolean> =>
      runId
        ? (await callBackground('team.setTasks', { runId, tasks: tasks.map((task) => ({ ...task })) })).delivered
        : false,
    [runId],
  );

  return { ...run, interject, setTasks };
}

export type TeamRunControls = ReturnType<typeof useTeamRun>;
