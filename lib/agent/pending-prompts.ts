import { AsideError } from '../messaging/errors';
import type { PromptAnswer } from './agent-stream-protocol';

const pending = new Map<string, (answer: PromptAnswer) => void>();

/**
 * Waits for the user's answer to a question or consent prompt. There is no
 * timeout: a run waits as long as the user takes; only cancelling (stop, or
 * the panel going away) ends the wait.
 */
export function waitForAnswer(promptId: string, signal: AbortSignal): Promise<PromptAnswer> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      pending.delete(promptId);
      reject(new AsideError('cancelled', 'Stopped.'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    pending.set(promptId, (answer) => {
      signal.removeEventListener('abort', onAbort);
      pending.delete(promptId);
      resolve(answer);
    });
  });
}

/** Delivers an answer from the side panel; false when no run waits for this prompt (any more). */
export function answerPrompt(promptId: string, answer: PromptAnswer): boolean {
  const resolve = pending.get(promptId);
  if (!resolve) return false;
  resolve(answer);
  return true;
}

/** Whether a run still waits for an answer to this prompt. */
export function isWaiting(promptId: string): boolean {
  return pending.has(promptId);
}
