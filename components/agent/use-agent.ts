import type { AgentEvent } from '../../lib/agent/agent-stream-protocol';
import type { SerializedError } from '../../lib/messaging/errors';
import { useRunStream } from './use-run-stream';

export type AgentPrompt = Extract<AgentEvent, { type: 'ask' } | { type: 'consent' }>;

/** The run streaming right now, over what Dexie already holds of it. */
export interface LiveRun {
  readonly runId: string | null;
  readonly running: boolean;
  /** Text of the model's current step, as it streams. */
  readonly text: string;
  readonly prompts: readonly AgentPrompt[];
  /** MCP servers whose tools this run goes without, and why. */
  readonly mcpProblems?: readonly { readonly server: string; readonly error: SerializedError }[];
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
    case 'mcp-problem':
      return { ...run, mcpProblems: [...(run.mcpProblems ?? []), { server: event.server, error: event.error }] };
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

const startingRun: LiveRun = { runId: null, running: true, text: '', prompts: [] };

/** Agent mode state in the side panel: start, resume, stop a run, and answer its prompts. */
export function useAgent() {
  return useRunStream('agent', startingRun, reduce);
}
