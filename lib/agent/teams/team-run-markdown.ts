import type { Team } from './team';
import type { TeamRunState } from './team-run-state';

export interface MarkdownLabels {
  readonly objective: string;
  readonly you: string;
  readonly answer: string;
  /** A member's name as the reader knows it (translated for presets). */
  readonly name: (agentId: string) => string;
}

/**
 * A team run as one Markdown document to paste elsewhere: the objective,
 * every turn under its member's name (decisions as "Lead → Researcher"
 * lines), then the answer. Members' text is copied as they wrote it.
 */
export function teamRunMarkdown(
  team: Pick<Team, 'name'>,
  state: Pick<TeamRunState, 'objective' | 'turns'>,
  final: string | undefined,
  labels: MarkdownLabels,
): string {
  const parts = [`# ${team.name}`, `**${labels.objective}:** ${state.objective}`];
  for (const turn of state.turns) {
    if (turn.kind === 'interjection') parts.push(`## ${labels.you}\n\n${turn.text}`);
    else if (turn.kind === 'decision') {
      parts.push(`_${labels.name(turn.agentId)}${turn.to ? ` → ${labels.name(turn.to)}` : ''}: ${turn.text}_`);
    } else parts.push(`## ${labels.name(turn.agentId)}\n\n${turn.text}`);
  }
  if (final) parts.push(`## ${labels.answer}\n\n${final}`);
  return `${parts.join('\n\n')}\n`;
}
