import type { UntrustedNonce } from '../../prompt/untrusted';
import type { TeamAgent } from './team';
import type { TeamRunState, TeamTurn } from './team-run-state';

/** One member's turn, as a pattern asks for it. */
export interface TurnRequest {
  readonly agent: TeamAgent;
  /** What the duty asks of the member (goes into its system prompt). */
  readonly dutyRule: string;
  /**
   * The user message: built when the turn starts, so it includes interjections that just arrived;
   * teammates' messages are wrapped with the turn's nonce.
   */
  readonly prompt: (state: TeamRunState, nonce: UntrustedNonce) => string;
  readonly kind: TeamTurn['kind'];
  readonly round: number;
  readonly taskId?: string;
  /** False for turns that must answer in a fixed format (manager, creator, prioritizer). */
  readonly useTools?: boolean;
  /** What to store of the reply, when not the reply itself (a manager's decision stores whom it chose). */
  readonly record?: (reply: string) => { text: string; to?: string };
}

/** What a pattern works with: the run's state, and a way to give a member the floor. */
export interface TeamContext {
  readonly state: TeamRunState;
  /** Runs the member's turn (its tool loop), stores it in the transcript, and returns its text. */
  speak(request: TurnRequest): Promise<string>;
  /** Stores the state (after a pattern changed tasks, round or phase) and tells the panel. */
  save(): Promise<void>;
  /** The user's edited task list since the last call, if any (task-list pattern). */
  takeTaskEdit(): { id?: string; text: string }[] | undefined;
}

/** How a pattern ended. `round-limit` still has an answer: the best the team had. */
export interface PatternResult {
  readonly final: string;
  readonly reason: 'done' | 'round-limit';
}

/** Thrown by `speak` when the run's token budget is spent; the run ends with what it has. */
export class TokenBudgetSpent extends Error {
  constructor() {
    super('The team used its token budget.');
  }
}

/** The last message of a member (or of any member matching `which`), or '' when there is none. */
export function lastMessage(state: TeamRunState, which: (turn: TeamTurn) => boolean = () => true): string {
  return state.turns.findLast((turn) => turn.kind === 'message' && which(turn))?.text ?? '';
}
