import type { AgentStepRecord } from '../../../lib/agent/run-records';
import type { TeamRunState, TeamTurn } from '../../../lib/agent/teams/team-run-state';
import type { LiveTurn } from './team-run-reducer';

/** One line of a team run's transcript as the panel shows it. */
export type TranscriptItem =
  | { readonly kind: 'objective'; readonly id: 'objective'; readonly text: string }
  | { readonly kind: 'interjection'; readonly id: string; readonly text: string }
  /** The group-chat manager naming the next speaker (`to`); `live` while it is still deciding. */
  | {
      readonly kind: 'decision';
      readonly id: string;
      readonly agentId: string;
      readonly to?: string;
      readonly text: string;
      readonly live: boolean;
    }
  /** The tool steps of a turn that never finished (the worker stopped mid-turn); who spoke is not stored. */
  | { readonly kind: 'cut'; readonly id: string; readonly steps: readonly AgentStepRecord[] }
  | {
      readonly kind: 'turn';
      readonly id: string;
      readonly agentId: string;
      readonly round: number;
      /** `tasks`: the creator's or prioritizer's list. */
      readonly turnKind: 'message' | 'tasks';
      readonly text: string;
      /** Still streaming (or ended but not yet read back from the run record). */
      readonly live: boolean;
      readonly taskId?: string;
      readonly steps: readonly AgentStepRecord[];
    };

function fromStored(turn: TeamTurn, steps: readonly AgentStepRecord[]): TranscriptItem {
  if (turn.kind === 'interjection' || turn.agentId === 'user') {
    return { kind: 'interjection', id: turn.id, text: turn.text };
  }
  if (turn.kind === 'decision') {
    return {
      kind: 'decision',
      id: turn.id,
      agentId: turn.agentId,
      ...(turn.to === undefined ? {} : { to: turn.to }),
      text: turn.text,
      live: false,
    };
  }
  return {
    kind: 'turn',
    id: turn.id,
    agentId: turn.agentId,
    round: turn.round,
    turnKind: turn.kind,
    text: turn.text,
    live: false,
    ...(turn.taskId === undefined ? {} : { taskId: turn.taskId }),
    steps,
  };
}

/**
 * The transcript: the objective, then the stored turns in order, then the
 * turns still streaming. A turn the run record already holds is shown from
 * there (the live copy is dropped), so nothing shows twice; tool steps go
 * under the turn that made them. Steps of a turn cut short by a restart keep
 * their place in time among the stored turns.
 */
export function buildTranscript(
  state: Pick<TeamRunState, 'objective' | 'turns' | 'team'>,
  liveTurns: readonly LiveTurn[],
  steps: readonly AgentStepRecord[],
): TranscriptItem[] {
  // A manager only ever decides; its reply streams as JSON, so it shows as a decision being made, not as text.
  const managers = new Set(state.team.agents.filter((agent) => agent.duty === 'manager').map((agent) => agent.id));
  // The creator and prioritizer reply with lists (JSON): shown as lists, and as "planning…" until one can be read.
  const planners = new Set(
    state.team.agents
      .filter((agent) => agent.duty === 'creator' || agent.duty === 'prioritizer')
      .map((agent) => agent.id),
  );
  const stepsByTurn = new Map<string, AgentStepRecord[]>();
  for (const step of steps) {
    if (step.turnId === undefined) continue;
    stepsByTurn.set(step.turnId, [...(stepsByTurn.get(step.turnId) ?? []), step]);
  }
  const stored = new Set(state.turns.map((turn) => turn.id));
  const items: TranscriptItem[] = [{ kind: 'objective', id: 'objective', text: state.objective }];
  const timeline = state.turns.map((turn) => ({
    at: turn.createdAt,
    item: fromStored(turn, stepsByTurn.get(turn.id) ?? []),
  }));
  const streaming = new Set(liveTurns.map((turn) => turn.turnId));
  for (const [turnId, group] of stepsByTurn) {
    if (stored.has(turnId) || streaming.has(turnId)) continue;
    const at = group[0]?.createdAt ?? 0;
    const before = timeline.findIndex((entry) => entry.at > at);
    const entry = { at, item: { kind: 'cut', id: turnId, steps: group } as const };
    timeline.splice(before < 0 ? timeline.length : before, 0, entry);
  }
  items.push(...timeline.map((entry) => entry.item));
  for (const turn of liveTurns) {
    if (stored.has(turn.turnId)) continue;
    if (managers.has(turn.agentId)) {
      items.push({ kind: 'decision', id: turn.turnId, agentId: turn.agentId, text: '', live: true });
      continue;
    }
    items.push({
      kind: 'turn',
      id: turn.turnId,
      agentId: turn.agentId,
      round: turn.round,
      turnKind: planners.has(turn.agentId) ? 'tasks' : 'message',
      text: turn.text,
      live: true,
      steps: stepsByTurn.get(turn.turnId) ?? [],
    });
  }
  return items.map((item, index) =>
    item.kind === 'decision' && item.to === undefined ? withAddressee(item, items.slice(index + 1)) : item,
  );
}

/** A decision stored without its addressee (an older run): the first later member turn is whom it named. */
function withAddressee(decision: Extract<TranscriptItem, { kind: 'decision' }>, later: TranscriptItem[]) {
  const next = later.find((item) => item.kind === 'turn' || item.kind === 'decision');
  if (decision.live || next?.kind !== 'turn' || next.agentId === decision.agentId) return decision;
  return { ...decision, to: next.agentId };
}
