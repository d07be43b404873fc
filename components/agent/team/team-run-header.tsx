import type { Team } from '../../../lib/agent/teams/team';
import { type AgentUsage, totalTokens } from '../../../lib/agent/teams/team-run-state';
import { CopyButton } from '../../chat/copy-button';
import { useT } from '../../hooks/use-t';
import { patternLabel } from '../team-names';
import { agentColor, agentColorStyle } from './agent-colors';
import { roundLabel } from './round-label';
import { agentDisplayName, teamDisplayName } from './team-names';

/** The team run's header: team and pattern, round counter, token use per member, and Stop while it runs. */
export function TeamRunHeader({
  team,
  round,
  usage,
  running,
  onStop,
  markdown,
}: {
  team: Team;
  round: number;
  usage: Readonly<Record<string, AgentUsage>>;
  running: boolean;
  onStop: () => void;
  /** The whole run as Markdown, for the copy button once it has ended. */
  markdown: () => string;
}) {
  const t = useT();
  const label = roundLabel(team.pattern, round, team.limits.rounds);
  return (
    <header className="team-header" data-testid="team-header" data-pattern={team.pattern}>
      <div className="row team-header-row">
        <span className="team-header-name">
          <strong data-testid="team-name">{teamDisplayName(team, t)}</strong>{' '}
          <span className="muted">· {patternLabel(team.pattern, t)}</span>
        </span>
        <span className="spacer" />
        <span className="team-round muted" data-testid="team-round" data-round={round}>
          {t(label.key, label.params)}
        </span>
        {running ? (
          <button type="button" data-testid="team-stop" onClick={onStop}>
            {t('teamRun.stop')}
          </button>
        ) : (
          <CopyButton text={markdown} label={t('teamRun.copyTranscript')} testId="team-copy" />
        )}
      </div>
      <ul
        className="team-usage"
        data-testid="team-usage"
        aria-label={t('teamRun.usage.title', { tokens: totalTokens({ usage }) })}
      >
        {/* Members who have not had a turn yet are left out: the header shows who has worked, and at what cost. */}
        {team.agents
          .filter((agent) => (usage[agent.id]?.calls ?? 0) > 0)
          .map((agent) => {
            const used = usage[agent.id];
            const tokens = used ? used.promptTokens + used.completionTokens : 0;
            return (
              <li
                key={agent.id}
                className="team-usage-chip"
                data-agent-id={agent.id}
                data-calls={used?.calls ?? 0}
                data-tokens={tokens}
                style={agentColorStyle(agentColor(team, agent.id))}
              >
                <span className="team-agent-name" title={agent.model}>
                  {agentDisplayName(team, agent.id, t)}
                </span>{' '}
                <span className="muted">{t('teamRun.usage.chip', { calls: used?.calls ?? 0, tokens })}</span>
              </li>
            );
          })}
      </ul>
    </header>
  );
}
