import type { LabelledText } from '../consent/carried-text';
import { checkCall, grantCovers } from '../consent/consent-check';
import { addGrant } from '../consent/grants';
import { siteOf } from '../consent/url-rules';
import type { AgentEvent, StepStatus } from './agent-stream-protocol';
import { waitForAnswer } from './pending-prompts';
import type { AgentTool, ToolContext } from './tool';

/**
 * Consent for an effectful call. A grant "always for this site" covers this
 * tool on this exact origin only; otherwise the side panel shows the tool,
 * its full arguments (code as code) and the full target URL, and the run waits
 * for the answer. Tools marked `consentPerRun` (run_javascript) ask once per
 * set of `runGrants`: a single agent passes one set for its whole run, a team
 * one set per member, so one member's yes never lets another run code.
 *
 * The call is checked against what the run has read (`sources`,
 * lib/consent/consent-check.ts): one that carries such text is named as such
 * on the card, is not covered by a grant, and cannot be granted "always"
 * (even if a forged answer says so).
 */
export async function authorizeCall(
  tool: AgentTool,
  input: unknown,
  context: ToolContext,
  emit: (event: Extract<AgentEvent, { type: 'consent' }>) => void,
  runGrants: Set<string>,
  /** Records the step as waiting for the user, then running again. */
  mark: (status: StepStatus) => Promise<void>,
  /** What the model making the call has read (lib/consent/run-sources.ts). */
  sources: readonly LabelledText[] = [],
): Promise<boolean> {
  if (tool.consentPerRun && runGrants.has(tool.name)) return true;
  const target = (await tool.target?.(input, context)) ?? null;
  const site = target ? siteOf(target) : null;
  const check = checkCall(target, input, sources);
  if (await grantCovers(tool.name, site, check)) return true;
  if (tool.allowedUnlessCarrying && check.grantMayApply) return true;
  const promptId = crypto.randomUUID();
  await mark('waiting');
  const shown = tool.consentCode?.(input);
  emit({
    type: 'consent',
    promptId,
    tool: tool.name,
    ...(tool.mcp ? { mcp: { ...tool.mcp } } : {}),
    arguments: JSON.stringify(shown ? shown.otherArguments : input, null, 2),
    ...(shown ? { code: shown.code } : {}),
    target,
    site: check.grantMayApply ? site : null,
    ...(check.where ? { carried: check.carried, where: check.where } : {}),
    ...(check.decoded !== null ? { decoded: check.decoded } : {}),
    ...(check.linkFrom !== null ? { linkFrom: check.linkFrom } : {}),
  });
  const answer = await waitForAnswer(promptId, context.signal);
  await mark('running');
  if (answer.kind !== 'consent' || answer.decision === 'deny') return false;
  if (tool.consentPerRun) runGrants.add(tool.name);
  if (answer.decision === 'always' && site && check.grantMayApply) await addGrant(tool.name, site);
  return true;
}
