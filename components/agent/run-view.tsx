import type { PromptAnswer } from '../../lib/agent/agent-stream-protocol';
import { inertLinks } from '../chat/link-policy';
import { Markdown } from '../chat/markdown';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { BackgroundRunNote } from './background-run-note';
import { endedHere } from './live-run';
import { McpProblemNotes } from './mcp-problem-notes';
import { PromptCard } from './prompt-card';
import { RunAnswerFeedback } from './run-answer-feedback';
import { RunProgress } from './run-progress';
import { StepCard } from './step-card';
import { withoutUntrustedMarkers } from './untrusted-display';
import type { LiveRun } from './use-agent';
import { useStoredRun } from './use-stored-run';
import { useToolLabels } from './use-tool-names';

/** One run: the goal, a card per tool call, open prompts, the final answer, usage, and Resume/Restart when cut. */
export function RunView({
  runId,
  live,
  onAnswer,
  onResume,
  onRestart,
}: {
  runId: string;
  live: LiveRun | null;
  onAnswer: (promptId: string, answer: PromptAnswer) => void;
  onResume: () => void;
  onRestart: () => void;
}) {
  const t = useT();
  const { label } = useToolLabels();
  const { run, steps } = useStoredRun(runId);
  if (!run) return null;
  const running = live?.running ?? false;
  const usage = live?.usage ?? run.usage;
  const status = running ? 'running' : endedHere(live, run.status);
  const current = steps.findLast((step) => step.status === 'running' || step.status === 'waiting');
  const activity = live?.prompts.length
    ? t('agent.progress.waiting')
    : current
      ? label(current)
      : live?.text
        ? t('agent.progress.writing')
        : t('agent.progress.thinking');
  const streamed = live?.text ? withoutUntrustedMarkers(live.text) : '';
  return (
    <div className="agent-run" data-testid="agent-run" data-status={status}>
      <div className="message user">
        <div className="user-text">{run.goal}</div>
      </div>
      <McpProblemNotes problems={run.mcpProblems ?? live?.mcpProblems} />
      {steps.map((step) => (
        <StepCard key={step.id} step={step} />
      ))}
      {running && streamed ? (
        <div className="message assistant agent-thinking" data-testid="agent-streaming">
          <Markdown text={streamed} links={inertLinks} />
        </div>
      ) : null}
      {live?.prompts.map((prompt) => (
        <PromptCard key={prompt.promptId} prompt={prompt} onAnswer={(answer) => onAnswer(prompt.promptId, answer)} />
      ))}
      {running ? (
        <RunProgress step={current ? steps.indexOf(current) + 1 : steps.length + 1} activity={activity} />
      ) : null}
      {running ? null : <RunAnswerFeedback run={run} />}
      {status === 'running' && !running ? <BackgroundRunNote runId={run.id} /> : null}
      {status === 'interrupted' ? (
        <div className="note" data-testid="agent-interrupted">
          <p>{t('agent.interrupted')}</p>
          <div className="row">
            <button type="button" className="primary" onClick={onResume}>
              {t('agent.resume')}
            </button>
            <button type="button" onClick={onRestart}>
              {t('agent.restart')}
            </button>
          </div>
        </div>
      ) : null}
      {!running && run.status === 'stopped' ? <div className="note muted">{t('agent.stopped')}</div> : null}
      {!running && run.status === 'error' && run.error ? <ErrorMessage error={run.error} /> : null}
      {!running && live?.error && run.status !== 'error' ? <ErrorMessage error={live.error} /> : null}
      <div className="agent-usage muted" data-testid="agent-usage">
        {t('agent.usage', { prompt: usage.promptTokens, completion: usage.completionTokens })}
      </div>
    </div>
  );
}
