import type { AgentRunRecord } from '../agent/run-records';
import { allVersions } from '../db/answer-versions';
import type { ConversationRecord, MessageRecord } from '../db/records';
import { newUntrustedNonce } from '../prompt/untrusted';
import { answeredRun, runPrompt } from './agent-run-lines';
import { answersInContext, systemPromptFor, versionText } from './chat-lines';
import { type ExportFilter, editCounts, inScope, recentEnough, score } from './export-filter';
import {
  type DpoLine,
  dpoLineSchema,
  type PlainPairLine,
  plainPairLineSchema,
  type ToolDefinition,
  type TrainingMessage,
} from './finetune-schemas';
import type { ToolsFor } from './tool-definitions';

/** One preference: for this prompt, `chosen` is better than `rejected`. */
export interface PreferencePair {
  readonly messages: readonly TrainingMessage[];
  readonly tools?: readonly ToolDefinition[];
  readonly chosen: string;
  readonly rejected: string;
  /** `edit`: the user's rewrite over the model's text; `versions`: one regenerated answer over another. */
  readonly source: 'edit' | 'versions';
}

/** The answers a pair can compare: text, verdict, model. */
interface Candidate {
  readonly text: string;
  readonly original: string;
  readonly rating?: 'up' | 'down' | undefined;
  readonly edited?: string | undefined;
  readonly model?: string | undefined;
}

/**
 * Pairs among the answers to one prompt: each rewrite over its original, and
 * each answer over every other version it beats (a higher `score`; with
 * `rating: 'up'` the winner must be rated 👍).
 */
function pairsFor(
  messages: readonly TrainingMessage[],
  candidates: readonly Candidate[],
  filter: ExportFilter,
  tools?: readonly ToolDefinition[],
) {
  const pairs: PreferencePair[] = [];
  const wanted = (...models: (string | undefined)[]) => !filter.model || models.includes(filter.model);
  const base = tools ? { messages, tools } : { messages };
  for (const answer of candidates) {
    if (editCounts(answer, filter) && answer.text !== answer.original && wanted(answer.model)) {
      pairs.push({ ...base, chosen: answer.text, rejected: answer.original, source: 'edit' });
    }
  }
  const floor = filter.rating === 'up' ? 1 : 0;
  for (const chosen of candidates) {
    for (const rejected of candidates) {
      if (chosen === rejected || chosen.text === rejected.text || !wanted(chosen.model, rejected.model)) continue;
      if (score(chosen, filter) > score(rejected, filter) && score(chosen, filter) >= floor) {
        pairs.push({ ...base, chosen: chosen.text, rejected: rejected.text, source: 'versions' });
      }
    }
  }
  return pairs;
}

/** Preference pairs from chats: rewritten answers, and regenerated answers where one was preferred. */
export function chatPairs(
  conversations: readonly ConversationRecord[],
  messagesOf: (conversationId: string) => readonly MessageRecord[],
  filter: ExportFilter,
): PreferencePair[] {
  const pairs: PreferencePair[] = [];
  for (const conversation of conversations) {
    if (!recentEnough(conversation.updatedAt, filter)) continue;
    const nonce = newUntrustedNonce();
    const answers = answersInContext(messagesOf(conversation.id), systemPromptFor(conversation, nonce), nonce);
    for (const { context, message } of answers) {
      const candidates = allVersions(message)
        .filter((version) => version.status === 'complete' && version.content.length > 0)
        .map((version) => ({ ...version, text: versionText(version), original: version.content }));
      pairs.push(...pairsFor(context, candidates, filter));
    }
  }
  return pairs;
}

/** Preference pairs from runs (agent and team): the rewritten final answer over the original. */
export function runPairs(runs: readonly AgentRunRecord[], filter: ExportFilter, toolsFor: ToolsFor): PreferencePair[] {
  const pairs: PreferencePair[] = [];
  for (const run of runs) {
    if (!answeredRun(run) || run.editedFinal === undefined || !inScope(run.updatedAt, [run.model], filter)) continue;
    const prompt = runPrompt(run, toolsFor);
    if (!prompt) continue;
    const candidate = {
      text: run.editedFinal,
      original: run.final,
      rating: run.rating,
      edited: run.editedFinal,
      model: run.model,
    };
    pairs.push(...pairsFor(prompt.messages, [candidate], filter, prompt.tools));
  }
  return pairs;
}

/** A pair as a line of OpenAI's DPO format. */
export function toDpoLine(pair: PreferencePair): DpoLine {
  return dpoLineSchema.parse({
    input: { messages: pair.messages, ...(pair.tools ? { tools: pair.tools } : {}) },
    preferred_output: [{ role: 'assistant', content: pair.chosen }],
    non_preferred_output: [{ role: 'assistant', content: pair.rejected }],
  });
}

/** A pair in the plain `prompt`/`chosen`/`rejected` form (TRL's conversational preference format). */
export function toPlainLine(pair: PreferencePair): PlainPairLine {
  return plainPairLineSchema.parse({
    prompt: pair.messages,
    chosen: [{ role: 'assistant', content: pair.chosen }],
    rejected: [{ role: 'assistant', content: pair.rejected }],
    ...(pair.tools ? { tools: pair.tools } : {}),
  });
}
