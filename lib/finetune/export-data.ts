import type { AgentRunRecord } from '../agent/run-records';
import { allVersions } from '../db/answer-versions';
import { db } from '../db/database';
import type { ConversationRecord, MessageRecord } from '../db/records';
import { runSftLines } from './agent-run-lines';
import { chatSftLines } from './chat-lines';
import type { ExportFilter } from './export-filter';
import { dpoLineSchema, plainPairLineSchema, type SftLine } from './finetune-schemas';
import { chatPairs, type PreferencePair, runPairs, toDpoLine, toPlainLine } from './preference-pairs';
import { agentToolDefinitions, type ToolsFor } from './tool-definitions';

/** Everything the export reads: chats (including rated in-page card answers) and runs. */
export interface FineTuneData {
  readonly conversations: readonly ConversationRecord[];
  readonly messagesOf: (conversationId: string) => readonly MessageRecord[];
  readonly runs: readonly AgentRunRecord[];
}

export interface FineTuneExport {
  readonly sft: readonly SftLine[];
  readonly pairs: readonly PreferencePair[];
  /** Examples left out because they failed the format's validation. */
  readonly skipped: number;
}

/** The preference file's format: plain `prompt`/`chosen`/`rejected`, or OpenAI's DPO lines. */
export type PairFormat = 'plain' | 'dpo';

/** SFT lines and preference pairs under a filter, every one validated. */
export function buildExport(
  data: FineTuneData,
  filter: ExportFilter,
  toolsFor: ToolsFor = agentToolDefinitions,
): FineTuneExport {
  const chats = chatSftLines(data.conversations, data.messagesOf, filter);
  const runs = runSftLines(data.runs, filter, toolsFor);
  const candidates = [
    ...chatPairs(data.conversations, data.messagesOf, filter),
    ...runPairs(data.runs, filter, toolsFor),
  ];
  const pairs = candidates.filter((pair) => validPair(pair));
  return {
    sft: [...chats.lines, ...runs.lines],
    pairs,
    skipped: chats.skipped + runs.skipped + candidates.length - pairs.length,
  };
}

/** The preference file's lines. */
export function pairLines(pairs: readonly PreferencePair[], format: PairFormat): unknown[] {
  return format === 'dpo' ? pairs.map((pair) => toDpoLine(pair)) : pairs.map((pair) => toPlainLine(pair));
}

function validPair(pair: PreferencePair): boolean {
  const plain = {
    prompt: pair.messages,
    chosen: [{ role: 'assistant', content: pair.chosen }],
    rejected: [{ role: 'assistant', content: pair.rejected }],
    ...(pair.tools ? { tools: pair.tools } : {}),
  };
  const dpo = {
    input: { messages: pair.messages, ...(pair.tools ? { tools: pair.tools } : {}) },
    preferred_output: plain.chosen,
    non_preferred_output: plain.rejected,
  };
  return plainPairLineSchema.safeParse(plain).success && dpoLineSchema.safeParse(dpo).success;
}

/** The models of the answers the user judged (rated or rewrote), for the model filter. */
export function judgedModels(messages: readonly MessageRecord[], runs: readonly AgentRunRecord[]): string[] {
  const models = new Set<string>();
  for (const message of messages) {
    for (const version of message.role === 'assistant' ? allVersions(message) : []) {
      if ((version.rating || version.edited !== undefined) && version.model) models.add(version.model);
    }
  }
  for (const run of runs) if (run.rating || run.editedFinal !== undefined) models.add(run.model);
  return [...models].sort();
}

/** Reads chats and runs from the database (an extension page's read; the background writes). */
export async function loadFineTuneData(): Promise<{ data: FineTuneData; messages: MessageRecord[] }> {
  const database = db();
  const [conversations, messages, runs] = await Promise.all([
    database.conversations.toArray(),
    database.messages.orderBy('[conversationId+createdAt]').toArray(),
    database.runs.toArray(),
  ]);
  const byConversation = new Map<string, MessageRecord[]>();
  for (const message of messages) {
    const list = byConversation.get(message.conversationId) ?? [];
    list.push(message);
    byConversation.set(message.conversationId, list);
  }
  return { data: { conversations, messagesOf: (id) => byConversation.get(id) ?? [], runs }, messages };
}
