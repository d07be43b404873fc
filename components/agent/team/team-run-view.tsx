import type { PromptAnswer } from '../../../lib/agent/agent-stream-protocol';
import { teamRunMarkdown } from '../../../lib/agent/teams/team-run-markdown';
import { inertLinks, linkPolicyFor } from '../../chat/link-policy';
import { Markdown } from '../../chat/markdown';
import { useT } from '../../hooks/use-t';
import { ErrorMessage } from '../../ui/error-message';
import { BackgroundRunNote } from '../background-run-note';
import { PromptCard } from '../prompt-card';
import { RunAnswerFeedback } from '../run-answer-feedback';
import { InterjectBox } from './interject-box';
import type { TaskDraft } from './task-edits';
import { TaskList } from './task-list';
import { agentDisplayName, teamDisplayName } from './team-names';
import { TeamRunHeader } from './team-run-header';
import type { LiveTeamRun } from './team-run-reducer';
import { TeamTurn } from './team-turn';
import { buildTranscript } from './transcript';
import './team.css';
import { endedHere } from '../live-run';
import { McpProblemNotes } from '../mcp-problem-notes';
import { RunProgress } from '../run-progress';
import { useStoredRun } from '../use-stored-run';

/**
 * A team run as a transcript: the stored turns (Dexie, updated after every
 * turn) merged with the text still streaming, each member in its colour, tool
 * steps under their turn, open prompts, the task list or round counter, token
 * use per member, a box to step in, and the final answer.
 */
export function TeamRunView({
  runId,
  live,
  onAnswer,
  onResume,
  onRestart,
  onStop,
  onInterject,
  onSetTasks,
}: {
  runId: string;
  live: LiveTeamRun | null;
  onAnswer: (promptId: string, answer: PromptAnswer) => void;
  onResume: () => void;
  onRestart: () => void;
  onStop: () => void;
  onInterject: (text: string) => Promise<boolean>;
  onSetTasks: (tasks: readonly TaskDraft[]) => void;
}) {
  const t = useT();
  const { run, steps } = useStoredRun(runId);
  if (!run?.team) return null;
  const team = run.team;
  const running = live?.running ?? false;
  const status = running ? 'running' : endedHere(live, run.status);
  const state = live?.state ?? team;
  const transcript = buildTranscript(team, live?.turns ?? [], steps);
  const final = run.final ?? live?.final;
  // Members' links as checked when each turn ended; the live final answer stays inert until stored with its check.
  const links = linkPolicyFor(team.linkCheck, run.status !== 'running');
  // The final answer is shown once, below: the member turn that wrote it points there instead of repeating it.
  const answerTurn =
    !running && final
      ? transcript.findLast((item) => item.kind === 'turn' && !item.live && item.text.trim() === final.trim())?.id
      : undefined;
  const speaking = live?.turns.find((turn) => !turn.ended);
  return (
    <div className="agent-run team-run" data-testid="team-run" data-status={status} data-run-id={run.id}>
      <TeamRunHeader
        team={team.team}
        round={state.round}
        usage={state.usage}
        running={running}
        onStop={onStop}
        markdown={() =>
          teamRunMarkdown({ name: teamDisplayName(team.team, t) }, team, run.editedFinal ?? final, {
            objective: t('teamRun.objective'),
            you: t('teamRun.you'),
            answer: t('teamRun.answer'),
            name: (agentId) => agentDisplayName(team.team, agentId, t),
          })
        }
      />
      <McpProblemNotes problems={run.mcpProblems} />
      {team.team.pattern === 'task-list' ? (
        <TaskList tasks={state.tasks} running={running} links={links} onSetTasks={onSetTasks} />
      ) : null}
      <div className="team-transcript" data-testid="team-transcript">
        {transcript.map((item) => (
          <TeamTurn key={item.id} item={item} team={team.team} links={links} answerBelow={item.id === answerTurn} />
        ))}
      </div>
      {live?.prompts.map((prompt) => (
        <PromptCard
          key={prompt.promptId}
          prompt={prompt}
          onAnswer={(answer) => onAnswer(prompt.promptId, answer)}
          {...(prompt.agentId ? { from: agentDisplayName(team.team, prompt.agentId, t) } : {})}
        />
      ))}
      {running ? (
        <RunProgress
          step={Math.max(1, state.round)}
          activity={
            live?.prompts.length
              ? t('agent.progress.waiting')
              : speaking
                ? `${agentDisplayName(team.team, speaking.agentId, t)} · ${t(
                    team.team.agents.some((agent) => agent.id === speaking.agentId && agent.duty === 'manager')
                      ? 'teamRun.deciding'
                      : 'teamRun.speaking',
                  )}`
                : t('agent.progress.thinking')
          }
        />
      ) : null}
      {running ? <InterjectBox onSend={onInterject} /> : null}
      {/* The stored answer with copy, 👍/👎 and rewrite; the live one until the store has it. */}
      {!running && run.final ? (
        <div className="team-final">
          <RunAnswerFeedback run={run} testId="team-final" />
        </div>
      ) : !running && final ? (
        <div className="message assistant team-final" data-testid="team-final">
          <Markdown text={final} links={inertLinks} />
        </div>
      ) : null}
      {status === 'running' && !running ? <BackgroundRunNote runId={run.id} /> : null}
      {status === 'interrupted' ? (
        <div className="note" data-testid="team-interrupted">
          <p>{t('agent.interrupted')}</p>
          <div className="row">
            <button type="button" className="primary" data-testid="team-resume" onClick={onResume}>
              {t('agent.resume')}
            </button>
            <button type="button" data-testid="team-restart" onClick={onRestart}>
              {t('agent.restart')}
            </button>
          </div>
        </div>
      ) : null}
      {!running && run.status === 'stopped' ? (
        <div className="note muted" data-testid="team-stopped">
          {t('agent.stopped')}
        </div>
      ) : null}
      {!running && run.status === 'error' && run.error ? <ErrorMessage error={run.error} /> : null}
      {!running && live?.error && run.status !== 'error' ? <ErrorMessage error={live.error} /> : null}
    </div>
  );
}
