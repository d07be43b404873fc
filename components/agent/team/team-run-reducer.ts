import type { AgentUsage, TeamTask } from '../../../lib/agent/teams/team-run-state';
import type { TeamEvent } from '../../../lib/agent/teams/team-stream-protocol';
import type { SerializedError } from '../../../lib/messaging/errors';
import type { AgentPrompt } from '../use-agent';

/** A member's turn as it streams, before (and just after) the engine stores it. */
export interface LiveTurn {
  readonly turnId: string;
  readonly agentId: string;
  readonly round: number;
  /** The text since the member's last tool call: what it is saying now. */
  readonly text: string;
  /** `turn-end` arrived: the stored turn takes over once Dexie has it. */
  readonly ended: boolean;
}

/** The round counter, task list and token use per member, as the engine last reported them. */
export interface LiveTeamState {
  readonly round: number;
  readonly tasks: readonly TeamTask[];
  readonly usage: Readonly<Record<string, AgentUsage>>;
}

/** The team run streaming right now, over what Dexie already holds of it. */
export interface LiveTeamRun {
  readonly runId: string | null;
  readonly running: boolean;
  /** In the order they started; several at once in a debate round. */
  readonly turns: readonly LiveTurn[];
  readonly prompts: readonly AgentPrompt[];
  readonly state?: LiveTeamState;
  readonly final?: string;
  readonly error?: SerializedError;
  /** The stream closed without a terminal event (the service worker died). */
  readonly lost?: boolean;
}

/** The live state of a run that is about to start. */
export const startingRun: LiveTeamRun = { runId: null, running: true, turns: [], prompts: [] };

function updateTurn(run: LiveTeamRun, turnId: string, change: (turn: LiveTurn) => LiveTurn): LiveTeamRun {
  return { ...run, turns: run.turns.map((turn) => (turn.turnId === turnId ? change(turn) : turn)) };
}

/** Folds one stream event into the live run. Pure, so it is unit-tested without a browser. */
export function reduceTeamEvent(run: LiveTeamRun, event: TeamEvent): LiveTeamRun {
  switch (event.type) {
    case 'started':
      return { ...run, runId: event.runId };
    case 'turn':
      return {
        ...run,
        turns: [
          ...run.turns.filter((turn) => turn.turnId !== event.turnId),
          { turnId: event.turnId, agentId: event.agentId, round: event.round, text: '', ended: false },
        ],
      };
    case 'delta':
      return updateTurn(run, event.turnId, (turn) => ({ ...turn, text: turn.text + event.text }));
    case 'tool-call':
      // The text before a tool call was the member thinking aloud; its step card takes over.
      return updateTurn(run, event.turnId, (turn) => ({ ...turn, text: '' }));
    case 'tool-result':
    case 'script':
      return run;
    case 'turn-end':
      return updateTurn(run, event.turnId, (turn) => ({ ...turn, ended: true }));
    case 'state':
      return { ...run, state: { round: event.round, tasks: event.tasks, usage: event.usage } };
    case 'ask':
    case 'consent':
      return { ...run, prompts: [...run.prompts, event] };
    case 'final':
      return { ...run, running: false, prompts: [], final: event.text };
    case 'stopped':
      return { ...run, running: false, prompts: [] };
    case 'error':
      return { ...run, running: false, prompts: [], error: event.error };
  }
}
