import type { Team } from '../../../lib/agent/teams/team';
import type { Translate } from '../../../lib/i18n/translate';
import { teamAgentDisplayName } from '../team-names';

export { teamDisplayName } from '../team-names';

/** Who a transcript turn is from: a member's display name, or "You" for the person running the team. */
export function agentDisplayName(team: Pick<Team, 'id' | 'agents'>, agentId: string, t: Translate): string {
  if (agentId === 'user') return t('teamRun.you');
  const agent = team.agents.find((candidate) => candidate.id === agentId);
  return agent ? teamAgentDisplayName(team, agent, t) : agentId;
}
