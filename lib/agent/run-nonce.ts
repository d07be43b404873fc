import type { ChatMessageParam } from '../llm/stream-completion';
import { rewrapUntrusted } from '../prompt/rewrap-untrusted';
import { asUntrustedNonce, newUntrustedNonce, type UntrustedNonce } from '../prompt/untrusted';
import type { AgentRunRecord } from './run-records';

/**
 * The untrusted-content nonce of an agent run. A run is one conversation with
 * the model: its tool results are stored wrapped in the transcript and sent
 * again with every later request, after a restart of the worker and on
 * Resume. So the nonce is chosen when the run is created (createRun) and kept
 * in the run record, where no page or content script can read it; the stored
 * blocks and each request's system prompt then always agree. Restart makes a
 * new run, with a new nonce. (A team member's turn starts from a fresh
 * prompt, so each turn has its own nonce: see team-context-impl.ts.)
 *
 * A run stored before nonces gets one now, its transcript's old markers
 * re-marked to it; `changed` says the caller must store both.
 */
export function runNonce(run: Pick<AgentRunRecord, 'untrustedNonce' | 'transcript'>): {
  readonly nonce: UntrustedNonce;
  readonly transcript: ChatMessageParam[];
  readonly changed: boolean;
} {
  const kept = asUntrustedNonce(run.untrustedNonce);
  if (kept) return { nonce: kept, transcript: run.transcript, changed: false };
  const nonce = newUntrustedNonce();
  return { nonce, transcript: run.transcript.map((message) => remarked(message, nonce)), changed: true };
}

/** Tool results and user messages are where wrapped blocks live; the model's own words are left as they were. */
function remarked(message: ChatMessageParam, nonce: UntrustedNonce): ChatMessageParam {
  if ((message.role !== 'tool' && message.role !== 'user') || typeof message.content !== 'string') return message;
  return { ...message, content: rewrapUntrusted(message.content, null, nonce) };
}
