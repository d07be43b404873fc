import { isPresetTeam } from '../../../lib/agent/teams/presets';
import type { Team } from '../../../lib/agent/teams/team';
import { en, type MessageKey } from '../../../lib/i18n/en';
import type { Translate } from '../../../lib/i18n/translate';

const isMessageKey = (key: string): key is MessageKey => key in en;

/**
 * The name a team shows under, in one place: a preset's translated name once
 * the catalogue has `team.preset.<id>.name` (with or without the `preset-`
 * prefix), else the name stored in the team (users' teams keep theirs).
 */
export function teamDisplayName(team: Pick<Team, 'id' | 'name'>, t: Translate): string {
  if (!isPresetTeam(team.id)) return team.name;
  for (const key of [`team.preset.${team.id}.name`, `team.preset.${team.id.replace(/^preset-/, '')}.name`]) {
    if (isMessageKey(key)) return t(key);
  }
  return team.name;
}

/** A member's display name; `user` is the person running the team. */
export function agentDisplayName(team: Pick<Team, 'agents'>, agentId: string, t: Translate): string {
  if (agentId === 'user') return t('teamRun.you');
  return team.agents.find((agent) => agent.id === agentId)?.name ?? agentId;
}
