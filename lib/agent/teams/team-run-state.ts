import type { LinkCheck } from '../../consent/answer-links';
import type { Team } from './team';

/** One contribution to a team run's shared transcript. */
export interface TeamTurn {
  readonly id: string;
  /** The member who spoke; `user` for the user's interjections. */
  readonly agentId: string | 'user';
  /**
   * `message`: a member's answer; `decision`: the group-chat manager naming the next speaker;
   * `tasks`: the creator's or prioritizer's list; `interjection`: the user stepping in.
   */
  readonly kind: 'message' | 'decision' | 'tasks' | 'interjection';
  readonly text: string;
  /** The pattern's round this turn belongs to (debate: 0 is the independent answers). */
  readonly round: number;
  /** For a manager's decision: the member it gave the floor to. */
  readonly to?: string;
  /** For an executor's turn: the task it did. */
  readonly taskId?: string;
  readonly createdAt: number;
}

export interface TeamTask {
  readonly id: string;
  readonly text: string;
  readonly status: 'pending' | 'done';
  readonly result?: string;
}

export interface AgentUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

/** Where the task-list pattern is in its cycle, so a resumed run picks up at the right member. */
export type TaskListPhase = 'create' | 'prioritize' | 'execute' | 'finish';

/** A team run's state, stored on its run record after every turn (`AgentRunRecord.team`). */
export interface TeamRunState {
  /** A snapshot: editing or deleting the team later does not change a run. */
  readonly team: Team;
  readonly objective: string;
  turns: TeamTurn[];
  tasks: TeamTask[];
  round: number;
  phase?: TaskListPhase;
  usage: Record<string, AgentUsage>;
  /** Which links in the members' messages and the final answer carry text the team read, checked as each turn ends. */
  linkCheck?: LinkCheck;
}

/** Total tokens the team has used so far. */
export function totalTokens(state: Pick<TeamRunState, 'usage'>): number {
  return Object.values(state.usage).reduce((sum, usage) => sum + usage.promptTokens + usage.completionTokens, 0);
}
