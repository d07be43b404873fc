import { jsonInReply, taskList } from '../../../lib/agent/teams/parse-reply';
import type { Team } from '../../../lib/agent/teams/team';
import { inertLinks, type LinkPolicy } from '../../chat/link-policy';
import { Markdown } from '../../chat/markdown';
import { useT } from '../../hooks/use-t';
import { StepCard } from '../step-card';
import { withoutUntrustedMarkers } from '../untrusted-display';
import { agentColor, agentColorStyle } from './agent-colors';
import { agentDisplayName } from './team-names';
import type { TranscriptItem } from './transcript';

/** What the group-chat engine stores as the manager's last decision (lib/agent/teams/patterns/group-chat.ts). */
const finishDecision = 'FINISH';

/**
 * A creator's or prioritizer's reply as the list it means (the engine stores
 * it as a JSON array of task texts). While it streams, "planning…" until the
 * reply is a whole list; the prioritizer's numbers are never shown.
 */
function TasksReply({ text, live, ordered }: { text: string; live: boolean; ordered: boolean }) {
  const t = useT();
  const complete = Array.isArray(jsonInReply(text));
  if (live && (ordered || !complete)) {
    return <div className="team-turn-text team-tasks-reply muted">{t('teamRun.planning')}</div>;
  }
  const items = taskList(text);
  if (items.length === 0) {
    return complete ? (
      <div className="team-turn-text team-tasks-reply muted">{t('teamRun.tasks.none')}</div>
    ) : (
      <div className="team-turn-text team-tasks-reply">
        <Markdown text={withoutUntrustedMarkers(text)} links={inertLinks} />
      </div>
    );
  }
  return (
    <div className="team-turn-text team-tasks-reply">
      <div className="muted">{t(ordered ? 'teamRun.tasks.ordered' : 'teamRun.tasks.proposed')}</div>
      <ol>
        {items.map((task, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that never reorders
          <li key={index}>{task}</li>
        ))}
      </ol>
    </div>
  );
}

/**
 * One line of the transcript: the user's objective or interjection as a user
 * bubble, a manager's decision as a small "Lead → Researcher" line, a
 * member's turn as a bubble in the member's colour with its tool steps.
 */
export function TeamTurn({
  item,
  team,
  links,
  answerBelow = false,
}: {
  item: TranscriptItem;
  team: Team;
  links: LinkPolicy;
  /** This turn's text is the run's final answer, shown once, below the transcript. */
  answerBelow?: boolean;
}) {
  const t = useT();
  const name = (agentId: string) => agentDisplayName(team, agentId, t);
  const duty = (agentId: string) => team.agents.find((agent) => agent.id === agentId)?.duty;
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
              ? ` → ${name(item.to)}${item.text ? `: ${withoutUntrustedMarkers(item.text)}` : ''}`
              : ` · ${item.text === finishDecision ? t('teamRun.finished') : withoutUntrustedMarkers(item.text)}`}
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
          {item.turnKind === 'tasks' ? (
            <TasksReply text={item.text} live={item.live} ordered={duty(item.agentId) === 'prioritizer'} />
          ) : answerBelow ? (
            <div className="team-turn-text muted" data-testid="team-answer-below">
              {t('teamRun.answerBelow')}
            </div>
          ) : (
            <div className={`team-turn-text${item.live ? ' live-text' : ''}`}>
              {/* Markdown as it streams; links stay inert until the turn ends and its links are checked. */}
              <Markdown text={withoutUntrustedMarkers(item.text)} links={item.live ? inertLinks : links} />
            </div>
          )}
        </div>
      );
  }
}
