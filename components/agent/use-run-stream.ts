import { useCallback, useEffect, useRef, useState } from 'react';
import type { PromptAnswer } from '../../lib/agent/agent-stream-protocol';
import { callBackground } from '../../lib/messaging/requests';
import { type EventOf, openStream, type StartOf, type StreamHandle } from '../../lib/messaging/streams';
import { type LiveRunBase, lostRun, withoutPrompt } from './live-run';
import { answerScriptEvent } from './sandbox-runner';

/**
 * A run streaming from the background (agent or team): start, resume, stop,
 * answer its prompts, open a stored one. `reduce` folds events into the live
 * state; sandboxed code runs here and goes back through `agent.respond`.
 */
export function useRunStream<N extends 'agent' | 'team', L extends LiveRunBase>(
  name: N,
  starting: L,
  reduce: (run: L, event: EventOf<N>) => L,
) {
  const [live, setLive] = useState<L | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const handle = useRef<StreamHandle | null>(null);
  useEffect(() => () => handle.current?.cancel(), []);

  const begin = useCallback(
    (start: StartOf<N>, onStarted?: () => void) => {
      handle.current?.cancel();
      setLive(starting);
      handle.current = openStream(
        name,
        start,
        (event) => {
          // Both protocols share these two events.
          const shared = event as EventOf<'agent' | 'team'>;
          if (shared.type === 'started') {
            setRunId(shared.runId);
            onStarted?.();
          }
          if (shared.type === 'script') answerScriptEvent(shared);
          setLive((run) => (run ? reduce(run, event) : run));
        },
        () => setLive((run) => (run ? lostRun(run) : run)),
      );
    },
    [name, starting, reduce],
  );

  const respond = useCallback(async (promptId: string, answer: PromptAnswer) => {
    setLive((run) => (run ? withoutPrompt(run, promptId) : run));
    await callBackground('agent.respond', { promptId, answer });
  }, []);

  const stop = useCallback(() => handle.current?.cancel(), []);
  const open = useCallback((id: string | null) => {
    handle.current?.cancel();
    setLive(null);
    setRunId(id);
  }, []);

  return { runId, live, begin, respond, stop, open };
}
