import { useCallback, useEffect, useRef, useState } from 'react';
import type { PromptAnswer } from '../../../lib/agent/agent-stream-protocol';
import type { TeamStart } from '../../../lib/agent/teams/team-stream-protocol';
import { callBackground } from '../../../lib/messaging/requests';
import { openStream, type StreamHandle } from '../../../lib/messaging/streams';
import { answerScriptEvent } from '../sandbox-runner';
import type { TaskDraft } from './task-edits';
import { type LiveTeamRun, lostRun, reduceTeamEvent, startingRun, withoutPrompt } from './team-run-reducer';

/** A team run in the side panel: start, resume, stop, answer prompts, step in and edit the task list. */
export function useTeamRun() {
  const [live, setLive] = useState<LiveTeamRun | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const handle = useRef<StreamHandle | null>(null);
  useEffect(() => () => handle.current?.cancel(), []);

  const begin = useCallback((start: TeamStart, onStarted?: () => void) => {
    handle.current?.cancel();
    setLive(startingRun);
    handle.current = openStream(
      'team',
      start,
      (event) => {
        if (event.type === 'started') {
          setRunId(event.runId);
          onStarted?.();
        }
        if (event.type === 'script') answerScriptEvent(event);
        setLive((run) => (run ? reduceTeamEvent(run, event) : run));
      },
      () => setLive((run) => (run ? lostRun(run) : run)),
    );
  }, []);

  const respond = useCallback(async (promptId: string, answer: PromptAnswer) => {
    setLive((run) => (run ? withoutPrompt(run, promptId) : run));
    await callBackground('agent.respond', { promptId, answer });
  }, []);

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

  const stop = useCallback(() => handle.current?.cancel(), []);
  const open = useCallback((id: string | null) => {
    handle.current?.cancel();
    setLive(null);
    setRunId(id);
  }, []);

  return { runId, live, begin, respond, interject, setTasks, stop, open };
}

export type TeamRunControls = ReturnType<typeof useTeamRun>;
