import type { Page } from 'playwright-core';
import type { OpenAIServer, RecordedRequest } from '../../support/openai-server';
import { ask } from './session';

interface AgentBody {
  readonly messages: readonly {
    readonly role: string;
    readonly content: string | null;
    readonly tool_call_id?: string;
  }[];
  readonly tools?: readonly { readonly function: { readonly name: string } }[];
}

/** The chat completion requests the agent sent, bodies typed. */
export function agentRequests(llm: OpenAIServer): AgentBody[] {
  return llm.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as AgentBody);
}

/** The tool results (role `tool`) in a request, in order. */
export function toolResults(request: RecordedRequest | AgentBody | undefined): string[] {
  const body = (request && 'messages' in request ? request : request?.body) as AgentBody | undefined;
  return (body?.messages ?? []).filter((m) => m.role === 'tool').map((m) => m.content ?? '');
}

/** Turns Agent mode on in the side panel (it stays on across panel openings). */
export async function enableAgentMode(panel: Page): Promise<void> {
  const toggle = panel.getByRole('button', { name: /^(Agent|智能体)$/ });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
}

/** Starts a new run with a goal, as the user does. */
export async function giveGoal(panel: Page, goal: string): Promise<void> {
  const fresh = panel.getByRole('button', { name: /New run|新任务/ });
  if (await fresh.isVisible()) await fresh.click();
  await ask(panel, goal);
}

/** The messages of one recorded request. */
export function agentMessages(request: RecordedRequest): AgentBody['messages'] {
  return (request.body as AgentBody | null)?.messages ?? [];
}
