import type { AgentEvent, ScriptAnswer } from './agent-stream-protocol';
import { answerPrompt, waitForAnswer } from './pending-prompts';

/** Extra wait beyond the code's own limit before the background gives up on the panel. */
const hostGraceMs = 5000;

/**
 * Runs code in the sandboxed page hosted by the side panel. The service
 * worker cannot host an iframe; the panel can, and it is open for as long as
 * a run is (the run's Port closes with it). The panel enforces the time limit
 * by removing the iframe; this side only guards against a panel that never answers.
 */
export async function runScriptInPanel(
  code: string,
  timeoutMs: number,
  emit: (event: Extract<AgentEvent, { type: 'script' }>) => void,
  signal: AbortSignal,
): Promise<ScriptAnswer> {
  const promptId = crypto.randomUUID();
  emit({ type: 'script', promptId, code, timeoutMs });
  const guard = setTimeout(
    () => answerPrompt(promptId, { kind: 'script', output: '', timedOut: true }),
    timeoutMs + hostGraceMs,
  );
  try {
    const answer = await waitForAnswer(promptId, signal);
    return answer.kind === 'script' ? answer : { kind: 'script', output: '', timedOut: true };
  } finally {
    clearTimeout(guard);
  }
}
