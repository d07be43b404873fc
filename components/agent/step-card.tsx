import type { AgentStepRecord } from '../../lib/agent/run-records';
import { useT } from '../hooks/use-t';

const statusIcon: Record<AgentStepRecord['status'], string> = {
  running: '…',
  waiting: '⏸',
  ok: '✓',
  error: '✗',
  denied: '⊘',
  interrupted: '↯',
};

/** One tool call as a compact card: tool, arguments, result preview, duration. */
export function StepCard({ step }: { step: AgentStepRecord }) {
  const t = useT();
  return (
    <details
      className={`step-card ${step.status}`}
      data-testid="agent-step"
      data-tool={step.tool}
      data-status={step.status}
    >
      <summary>
        <span className="step-status" title={t(`agent.step.${step.status}`)}>
          {statusIcon[step.status]}
        </span>{' '}
        <code className="step-tool">{step.tool}</code> <span className="step-args muted">{step.arguments}</span>
        {step.durationMs === undefined ? null : <span className="step-duration muted"> {step.durationMs} ms</span>}
      </summary>
      <pre className="step-detail">{step.arguments}</pre>
      {step.preview ? <pre className="step-detail step-preview">{step.preview}</pre> : null}
    </details>
  );
}
