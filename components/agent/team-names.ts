import { isPresetTeam } from '../../lib/agent/teams/presets';
import type { Team, TeamAgent } from '../../lib/agent/teams/team';
import { messageKey } from '../../lib/agent/teams/team-labels';
import type { Translate } from '../../lib/i18n/translate';

export { dutyLabel, patternLabel } from '../../lib/agent/teams/team-labels';

/** The translation of one of a preset's texts, if it is a preset and the text is translated. */
function presetText(team: Pick<Team, 'id'>, suffix: string, t: Translate): string | undefined {
  if (!isPresetTeam(team.id)) return undefined;
  const key = messageKey(`team.preset.${team.id}.${suffix}`);
  return key ? t(key) : undefined;
}

/** A team's name in the UI language: presets are translated, the user's teams keep their own name. */
export function teamDisplayName(team: Pick<Team, 'id' | 'name'>, t: Translate): string {
  return presetText(team, 'name', t) ?? team.name;
}

/** A team's description in the UI language, the same way. */
export function teamDisplayDescription(team: Pick<Team, 'id' | 'description'>, t: Translate): string {
  return presetText(team, 'description', t) ?? team.description;
}

/** A member's role name in the UI language: a preset's members are translated, others keep theirs. */
export function teamAgentDisplayName(
  team: Pick<Team, 'id'>,
  agent: Pick<TeamAgent, 'id' | 'name'>,
  t: Translate,
): string {
  return presetText(team, `agent.${agent.id}`, t) ?? agent.name;
}
