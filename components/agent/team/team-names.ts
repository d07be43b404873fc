import { isPresetTeam } from '../../../lib/agent/teams/presets';
import type { Team } from '../../../lib/agent/teams/team';
import { en, type MessageKey } from '../../../lib/i18n/en';
import type { Translate } from '../../../lib/i18n/translate';

/**
 * A preset's translated text (`team.preset.<team id>.<suffix>`, the keys the
 * options page's teams section adds), when the catalogue has it.
 */
function presetText(teamId: string, suffix: string, t: Translate): string | undefined {
  if (!isPresetTeam(teamId)) return undefined;
  const key = `team.preset.${teamId}.${suffix}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : undefined;
}

/** The name a team shows under, in one place: a preset's translated name, else the team's own (users' teams keep theirs). */
export function teamDisplayName(team: Pick<Team, 'id' | 'name'>, t: Translate): string {
  return presetText(team.id, 'name', t) ?? team.name;
}

/** A member's display name: a preset member's translated role, else its own; `user` is the person running the team. */
export function agentDisplayName(team: Pick<Team, 'id' | 'agents'>, agentId: string, t: Translate): string {
  if (agentId === 'user') return t('teamRun.you');
  const agent = team.agents.find((candidate) => candidate.id === agentId);
  if (!agent) return agentId;
  return presetText(team.id, `agent.${agent.id}`, t) ?? agent.name;
}
