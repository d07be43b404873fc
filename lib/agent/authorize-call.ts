import type { AgentEvent } from './agent-stream-protocol';
import { addGrant, hasGrant } from './consent-grants';
import type { RawToolCall } from './parse-tool-call';
import { waitForAnswer } from './pending-prompts';
import { setStepStatus } from './run-store';
import type { AgentTool, ToolContext } from './tool';
import { siteOf } from './url-rules';

/**
 * Consent for an effectful call. A grant "always for this site" covers this
 * tool on this exact origin only; otherwise the side panel shows the tool,
 * its full arguments and the full target URL, and the run waits for the answer.
 * Tools marked `consentPerRun` (run_javascript) ask once per run.
 */
export async function authorizeCall(
  tool: AgentTool,
  input: unknown,
  call: RawToolCall,
  context: ToolContext,
  emit: (event: AgentEvent) => void,
  runId: string,
  runGrants: Set<string>,
): Promise<boolean> {
  if (tool.consentPerRun && runGrants.has(tool.name)) return true;
  const target = (await tool.target?.(input, context)) ?? null;
  const site = target ? siteOf(target) : null;
  if (site && (await hasGrant(tool.name, site))) return true;
  const promptId = crypto.randomUUID();
  await setStepStatus(runId, call.id, 'waiting');
  emit({ type: 'consent', promptId, tool: tool.name, arguments: JSON.stringify(input, null, 2), target, site });
  const answer = await waitForAnswer(promptId, context.signal);
  await setStepStatus(runId, call.id, 'running');
  if (answer.kind !== 'consent' || answer.decision === 'deny') return false;
  if (tool.consentPerRun) runGrants.add(tool.name);
  if (answer.decision === 'always' && site) await addGrant(tool.name, site);
  return true;
}
