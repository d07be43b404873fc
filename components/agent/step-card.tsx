import type { AgentStepRecord } from '../../lib/agent/run-records';
import { useT } from '../hooks/use-t';
import { withoutUntrustedMarkers } from './untrusted-display';
import { useToolLabels } from './use-tool-names';

const statusIcon: Record<AgentStepRecord['status'], string> = {
  running: '…',
  waiting: '◌',
  ok: '✓',
  error: '✗',
  denied: '⊘',
  interrupted: '↯',
};

/** The arguments as people read JSON: indented, or nothing for a call without any. */
function shownArguments(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && Object.keys(value).length === 0) return '';
    return withoutUntrustedMarkers(JSON.stringify(value, null, 2));
  } catch {
    return withoutUntrustedMarkers(json);
  }
}

/** The user's answer to an ask_user call, from its result ("The user answered: …", see tools/ask-user.ts). */
function answerOf(step: AgentStepRecord): string | undefined {
  if (step.tool !== 'ask_user' || step.status !== 'ok' || !step.preview) return undefined;
  return step.preview.replace(/^The user answered:\s*/, '');
}

/**
 * One tool call as a line of the run's story: what it did, in words ("Read
 * tab: Mozilla – Wikipedia"), how it went and how long it took; the user's
 * answer when it asked them; the arguments and the result (without the
 * untrusted-content markers, which are for the model) behind "Details".
 * The result is the model's input, kept as the model read it: its fixed
 * phrases stay English ("The user answered: …"), so its heading says so.
 */
export function StepCard({ step }: { step: AgentStepRecord }) {
  const t = useT();
  const { label } = useToolLabels();
  const args = shownArguments(step.arguments);
  const answer = answerOf(step);
  const result = step.status === 'denied' ? t('agent.step.youDenied') : withoutUntrustedMarkers(step.preview ?? '');
  return (
    <div
      className={`step-card ${step.status}`}
      data-testid="agent-step"
      data-tool={step.tool}
      data-status={step.status}
    >
      <div className="step-line">
        <span className="step-status" role="img" aria-label={t(`agent.step.${step.status}`)}>
          {statusIcon[step.status]}
        </span>
        <span className="step-label" data-testid="step-label">
          {label(step)}
        </span>
        {step.durationMs === undefined ? null : <span className="step-duration muted">{step.durationMs} ms</span>}
      </div>
      {answer === undefined ? null : (
        <div className="step-answer" data-testid="step-answer">
          {t('agent.step.youAnswered', { answer })}
        </div>
      )}
      {args || result ? (
        <details className="step-details">
          <summary>{t('agent.step.details')}</summary>
          {args ? (
            <>
              <div className="step-detail-label muted">{t('agent.step.arguments')}</div>
              <pre className="step-detail">{args}</pre>
            </>
          ) : null}
          {result ? (
            <>
              <div className="step-detail-label muted">{t('agent.step.result')}</div>
              <pre className="step-detail step-preview">{result}</pre>
            </>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}
