import { taskList } from '../../../lib/agent/teams/parse-reply';
import type { Team } from '../../../lib/agent/teams/team';
import type { LinkPolicy } from '../../chat/link-policy';
import { Markdown } from '../../chat/markdown';
import { useT } from '../../hooks/use-t';
import { StepCard } from '../step-card';
import { agentColor, agentColorStyle } from './agent-colors';
import { agentDisplayName } from './team-names';
import type { TranscriptItem } from './transcript';

/** What the group-chat engine stores as the manager's last decision (lib/agent/teams/patterns/group-chat.ts). */
const finishDecision = 'FINISH';

/** A creator's or prioritizer's reply: its list when it has one (the engine reads JSON arrays), else its text. */
function TasksReply({ text }: { text: string }) {
  const items = taskList(text);
  if (items.length === 0) return <div className="team-turn-text team-tasks-reply muted">{text}</div>;
  return (
    <ol className="team-turn-text team-tasks-reply">
      {items.map((task, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that never reorders
        <li key={index}>{task}</li>
      ))}
    </ol>
  );
}

/**
 * One line of the transcript: the user's objective or interjection as a user
 * bubble, a manager's decision as a small "Lead → Researcher" line, a
 * member's turn as a bubble in the member's colour with its tool steps.
 */
export function TeamTurn({ item, team, links }: { item: TranscriptItem; team: Team; links: LinkPolicy }) {
  const t = useT();
  const name = (agentId: string) => agentDisplayName(team, agentId, t);
  switch (item.kind) {
    case 'objective':
      return (
        <div className="message user" data-testid="team-objective">
          <div className="user-text">{item.text}</div>
        </div>
      );
    case 'interjection':
      return (
        <div className="message user team-interjection" data-testid="team-interjection" data-turn-id={item.id}>
          <div className="user-text">{item.text}</div>
        </div>
      );
    case 'cut':
      return (
        <div className="team-turn cut" data-testid="team-cut-turn" data-turn-id={item.id}>
          <div className="team-turn-head muted">{t('teamRun.cutTurn')}</div>
          {item.steps.map((step) => (
            <StepCard key={step.id} step={step} />
          ))}
        </div>
      );
    case 'decision':
      return (
        <div
          className="team-decision muted"
          data-testid="team-decision"
          data-agent-id={item.agentId}
          data-to={item.to}
          data-turn-id={item.id}
          style={agentColorStyle(agentColor(team, item.agentId))}
        >
          <span className="team-agent-name">{name(item.agentId)}</span>
          {item.live
            ? ` · ${t('teamRun.deciding')}`
            : item.to
              ? ` → ${name(item.to)}${item.text ? `: ${item.text}` : ''}`
              : ` · ${item.text === finishDecision ? t('teamRun.finished') : item.text}`}
        </div>
      );
    case 'turn':
      return (
        <div
          className={`team-turn${item.live ? ' live' : ''}`}
          data-testid="team-turn"
          data-agent-id={item.agentId}
          data-turn-id={item.id}
          data-round={item.round}
          data-kind={item.turnKind}
          data-live={item.live}
          style={agentColorStyle(agentColor(team, item.agentId))}
        >
          <div className="team-turn-head">
            <span className="team-agent-name">{name(item.agentId)}</span>
            {item.live ? <span className="muted"> · {t('teamRun.speaking')}</span> : null}
          </div>
          {item.steps.map((step) => (
            <StepCard key={step.id} step={step} />
          ))}
          {item.live ? (
            <div className="team-turn-text live-text">{item.text}</div>
          ) : item.turnKind === 'tasks' ? (
            <TasksReply text={item.text} />
          ) : (
            <div className="team-turn-text">
              <Markdown text={item.text} links={links} />
            </div>
          )}
        </div>
      );
  }
}
