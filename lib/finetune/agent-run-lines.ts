import { agentSystemPrompt } from '../agent/agent-prompt';
import { runNonce } from '../agent/run-nonce';
import type { AgentRunRecord } from '../agent/run-records';
import type { ChatMessageParam } from '../llm/stream-completion';
import { type ExportFilter, inScope, score } from './export-filter';
import { type SftLine, sftLineSchema, type ToolDefinition, type TrainingMessage } from './finetune-schemas';
import type { ToolsFor } from './tool-definitions';

/** A finished run's conversation before its final answer, with the tools it called. */
export interface RunPrompt {
  readonly messages: TrainingMessage[];
  readonly tools?: ToolDefinition[];
}

/** Runs whose answer can be training data: finished, with a final answer. */
export const answeredRun = (run: AgentRunRecord): run is AgentRunRecord & { final: string } =>
  run.status === 'done' && typeof run.final === 'string' && run.final.length > 0;

/** The answer a run stands for: the user's rewrite when there is one. */
export const runAnswer = (run: AgentRunRecord & { final: string }): string => run.editedFinal ?? run.final;

/**
 * What led to a run's final answer. An agent run: the agent's system prompt
 * (as of the run's day), the goal, and every tool call with its result; a team
 * run: the objective (the members' exchanges are not one assistant's turns).
 */
export function runPrompt(run: AgentRunRecord, toolsFor: ToolsFor): RunPrompt | null {
  if (run.team) return { messages: [{ role: 'user', content: run.team.objective }] };
  // The system prompt names the nonce the stored tool results carry.
  const { nonce, transcript } = runNonce(run);
  const messages: TrainingMessage[] = [{ role: 'system', content: agentSystemPrompt(nonce, new Date(run.createdAt)) }];
  for (const param of transcript) {
    const message = trainingMessage(param);
    if (!message) return null;
    messages.push(message);
  }
  // The stored transcript ends with the final answer as the model wrote it; the export appends the chosen text.
  const last = messages.at(-1);
  if (last?.role === 'assistant' && !last.tool_calls) messages.pop();
  const names = new Set(
    messages.flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []) : [])).map((c) => c.function.name),
  );
  return names.size > 0 ? { messages, tools: toolsFor(names) } : { messages };
}

/** SFT lines from good runs (agent and team): the run's prompt, then its (rewritten) answer. */
export function runSftLines(
  runs: readonly AgentRunRecord[],
  filter: ExportFilter,
  toolsFor: ToolsFor,
): { lines: SftLine[]; skipped: number } {
  const lines: SftLine[] = [];
  let skipped = 0;
  for (const run of runs) {
    if (!answeredRun(run) || !inScope(run.updatedAt, [run.model], filter)) continue;
    if (score({ rating: run.rating, edited: run.editedFinal }, filter) !== 1) continue;
    // An agent stopped by a limit ends on a note, not an answer: only the user's rewrite can be the target.
    if (!run.team && run.editedFinal === undefined && run.stopReason && run.stopReason !== 'done') continue;
    const prompt = runPrompt(run, toolsFor);
    const line = sftLineSchema.safeParse(
      prompt && { ...prompt, messages: [...prompt.messages, { role: 'assistant', content: runAnswer(run) }] },
    );
    if (line.success) lines.push(line.data);
    else skipped++;
  }
  return { lines, skipped };
}

/** An OpenAI SDK message as a training message, or null for a kind fine-tuning does not take. */
function trainingMessage(param: ChatMessageParam): TrainingMessage | null {
  const text = (content: unknown): string =>
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content
            .map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : ''))
            .join('')
        : '';
  switch (param.role) {
    case 'user':
      return { role: 'user', content: text(param.content) };
    case 'tool':
      return { role: 'tool', tool_call_id: param.tool_call_id, content: text(param.content) };
    case 'assistant': {
      const content = text(param.content);
      const calls = (param.tool_calls ?? []).flatMap((call) =>
        call.type === 'function'
          ? [
              {
                id: call.id,
                type: 'function' as const,
                function: { name: call.function.name, arguments: call.function.arguments },
              },
            ]
          : [],
      );
      return {
        role: 'assistant',
        ...(content ? { content } : {}),
        ...(calls.length > 0 ? { tool_calls: calls } : {}),
      };
    }
    default:
      return null;
  }
}
