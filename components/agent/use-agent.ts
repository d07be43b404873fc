import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentEvent, AgentStart, PromptAnswer } from '../../lib/agent/agent-stream-protocol';
import type { SerializedError } from '../../lib/messaging/errors';
import { callBackground } from '../../lib/messaging/requests';
import { openStream, type StreamHandle } from '../../lib/messaging/streams';
import { answerScriptEvent } from './sandbox-runner';

export type AgentPrompt = Extract<AgentEvent, { type: 'ask' } | { type: 'consent' }>;

/** The run streaming right now, over what Dexie already holds of it. */
export interface LiveRun {
  readonly runId: string | null;
  readonly running: boolean;
  /** Text of the model's current step, as it streams. */
  readonly text: string;
  readonly prompts: readonly AgentPrompt[];
  readonly usage?: { readonly promptTokens: number; readonly completionTokens: number };
  readonly error?: SerializedError;
  readonly lost?: boolean;
}

function reduce(run: LiveRun, event: AgentEvent): LiveRun {
  switch (event.type) {
    case 'started':
      return { ...run, runId: event.runId };
    case 'delta':
      return { ...run, text: run.text + event.text };
    case 'tool-call':
      // The text before a tool call was the model thinking aloud; the step card takes over.
      return { ...run, text: '' };
    case 'tool-result':
    case 'script':
      return run;
    case 'ask':
    case 'consent':
      return { ...run, prompts: [...run.prompts, event] };
    case 'usage':
      return { ...run, usage: { promptTokens: event.promptTokens, completionTokens: event.completionTokens } };
    case 'final':
    case 'stopped':
      return { ...run, running: false, prompts: [] };
    case 'error':
      return { ...run, running: false, prompts: [], error: event.error };
  }
}

/** Agent mode state in the side panel: start, resume, stop a run, and answer its prompts. */
export function useAgent() {
  const [live, setLive] = useState<LiveRun | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const handle = useRef<StreamHandle | null>(null);
  useEffect(() => () => handle.current?.cancel(), []);

  const begin = useCallback((start: AgentStart, onStarted?: () => void) => {
    handle.current?.cancel();
    setLive({ runId: null, running: true, text: '', prompts: [] });
    handle.current = openStream(
      'agent',
      start,
      (event) => {
        if (event.type === 'started') {
          setRunId(event.runId);
          onStarted?.();
        }
        if (event.type === 'script') answerScriptEvent(event);
        setLive((run) => (run ? reduce(run, event) : run));
      },
      () => setLive((run) => (run ? { ...run, running: false, prompts: [], lost: true } : run)),
    );
  }, []);

  const respond = useCallback(async (promptId: string, answer: PromptAnswer) => {
    setLive((run) => (run ? { ...run, prompts: run.prompts.filter((prompt) => prompt.promptId !== promptId) } : run));
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
