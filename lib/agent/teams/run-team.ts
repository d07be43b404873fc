import { checkAnswerLinks, mergeLinkChecks } from '../../consent/answer-links';
import type { LabelledText } from '../../consent/carried-text';
import { db } from '../../db/database';
import { writeOrExplainQuota } from '../../db/quota';
import { keepMcpProblems, type McpRunTools, openMcpTools } from '../../mcp/mcp-run-tools';
import { isMcpToolName } from '../../mcp/mcp-tool-names';
import { AsideError } from '../../messaging/errors';
import type { UntrustedNonce } from '../../prompt/untrusted';
import { agentSettingsItem } from '../../settings/secure-settings';
import { authorizeCall } from '../authorize-call';
import { endFailedRun } from '../end-failed-run';
import { endedRunEvents, hasEnded } from '../ended-run';
import { waitForAnswer } from '../pending-prompts';
import { availableTools } from '../registry';
import { runFollowingClient } from '../run-client';
import type { AgentRunRecord } from '../run-records';
import { runScriptInPanel } from '../run-script-in-panel';
import { countSteps, endRun, reopenRun, setStepStatus, startStep, updateRun } from '../run-store';
import { type RunWindow, runWindow } from '../run-window';
import type { ToolContext } from '../tool';
import { createWriteQueue } from '../write-queue';
import { debate } from './patterns/debate';
import { groupChat } from './patterns/group-chat';
import { rolePlay } from './patterns/role-play';
import { taskListPattern } from './patterns/task-list';
import type { TeamPattern } from './team';
import { type PatternResult, type TeamContext, TokenBudgetSpent } from './team-context';
import { createTeamContext, teamSources } from './team-context-impl';
import { closeInbox, openInbox } from './team-inbox';
import { setUpMembers } from './team-members';
import { type TeamRunState, totalTokens } from './team-run-state';
import { createTeamRun } from './team-run-store';
import type { TeamEvent, TeamStart } from './team-stream-protocol';

const patterns: Record<TeamPattern, (context: TeamContext) => Promise<PatternResult>> = {
  'task-list': taskListPattern,
  'role-play': rolePlay,
  debate,
  'group-chat': groupChat,
};

const stopNote = {
  'round-limit': 'The team stopped at its round limit; this is the best answer it had.',
  'token-limit': 'The team used its token budget; this is the best answer it had.',
} as const;

/**
 * Runs (or resumes) a team run in the background: every member's turn goes
 * through the agent loop with the same consent, questions, untrusted-content
 * rule and cancellation as a single agent, and the run is stored after every
 * turn, so a run cut by a restart resumes at its last completed turn.
 */
export async function runTeam(
  start: TeamStart,
  emit: (event: TeamEvent) => void,
  signal: AbortSignal,
  _sender?: unknown,
  detached: AbortSignal = new AbortController().signal,
) {
  // Asked before the run record is touched, so a start from a window that is gone changes nothing.
  const panelWindow = await runWindow(start.windowId, start.kind === 'start' ? start.tabId : null);
  const opening = {
    kind: 'team' as const,
    resumeId: start.kind === 'resume' ? start.runId : null,
    // A disk too full to store even the run's start says so.
    open: () => writeOrExplainQuota(() => openTeamRun(start)),
    failed: (error: unknown): TeamEvent => ({ type: 'error', error: AsideError.from(error).toJSON(), partial: false }),
  };
  await runFollowingClient(opening, { emit, signal, detached }, async (run, runEmit, runSignal) => {
    if (hasEnded(run)) for (const event of endedRunEvents(run)) runEmit(event);
    else await continueTeamRun(run, panelWindow, runEmit, runSignal);
  });
}

/** The team run itself, going on after the panel closes until a member needs the user (see followClients). */
async function continueTeamRun(
  run: AgentRunRecord,
  panelWindow: RunWindow,
  emit: (event: TeamEvent) => void,
  signal: AbortSignal,
) {
  const state = run.team as TeamRunState;
  emit({ type: 'started', runId: run.id });
  const inbox = openInbox(run.id);
  // Members speaking at once (a debate round) stop together when one of them fails, or the disk is full.
  const turns = new AbortController();
  const writes = createWriteQueue(() => turns.abort(), 'team');
  const stopTurns = () => turns.abort(signal.reason);
  signal.addEventListener('abort', stopTurns, { once: true });
  let mcp: McpRunTools | null = null;
  try {
    const settings = await agentSettingsItem.getValue();
    // MCP servers are reached only when a member lists one of their tools; a server that fails records its status.
    const wantsMcp = state.team.agents.some((agent) => agent.tools.some(isMcpToolName));
    mcp = wantsMcp ? await openMcpTools(turns.signal) : null;
    // Kept with the run: the team view shows it now and after the panel is reopened.
    await keepMcpProblems(run.id, mcp?.problems ?? []);
    const members = await setUpMembers(state.team.agents, [...availableTools(), ...(mcp?.tools ?? [])]);
    // Per member, so the panel can say who asks a question or waits for consent.
    const toolContextFor = (agentId: string, nonce: UntrustedNonce): ToolContext => ({
      tabId: run.tabId,
      ...panelWindow,
      nonce,
      signal: turns.signal,
      ask: async (question, choices) => {
        const promptId = crypto.randomUUID();
        emit({ type: 'ask', promptId, question, choices: [...choices], agentId });
        const answer = await waitForAnswer(promptId, turns.signal);
        return answer.kind === 'ask' ? answer.text : '';
      },
      runScript: (code, timeoutMs) => runScriptInPanel(code, timeoutMs, emit, turns.signal),
    });
    // Per member: a researcher allowed to run code once does not let the writer run code unasked.
    const runGrants = new Map<string, Set<string>>();
    const runGrantsOf = (agentId: string) => {
      const grants = runGrants.get(agentId) ?? new Set<string>();
      runGrants.set(agentId, grants);
      return grants;
    };
    const read = new Map<string, LabelledText>();
    let stepIndex = await countSteps(run.id);
    const context = createTeamContext({
      state,
      members,
      inbox,
      toolContextFor,
      maxConsecutiveFailures: settings.maxConsecutiveFailures,
      emit,
      callHooks: (turnId, agentId, toolContext, seen) => ({
        authorize: (tool, input, call) =>
          authorizeCall(
            tool,
            input,
            toolContext,
            (event) => emit({ ...event, agentId }),
            runGrantsOf(agentId),
            (status) => writes.push(() => setStepStatus(run.id, stepKey(turnId, call.id), status)),
            // What this member has read this turn, and what the team read before it.
            teamSources(read, seen),
          ),
        onCallStart: (call) => {
          const index = stepIndex++;
          return writes.push(() =>
            startStep(run.id, index, stepKey(turnId, call.id), call.name, call.arguments, turnId),
          );
        },
        onCallEnd: (call, status, preview, durationMs) =>
          writes.push(() => setStepStatus(run.id, stepKey(turnId, call.id), status, preview, durationMs)),
      }),
      read,
      persist: (current) => {
        const snapshot = structuredClone(current);
        const calls = Object.values(current.usage).reduce((sum, usage) => sum + usage.calls, 0);
        const usage = Object.values(current.usage).reduce(
          (sum, each) => ({
            promptTokens: sum.promptTokens + each.promptTokens,
            completionTokens: sum.completionTokens + each.completionTokens,
          }),
          { promptTokens: 0, completionTokens: 0 },
        );
        void writes.push(() => updateRun(run.id, { team: snapshot, steps: calls, usage }));
      },
    });
    let result: { final: string; reason: PatternResult['reason'] | 'token-limit' };
    try {
      result = await patterns[state.team.pattern](context);
    } catch (thrown) {
      if (!(thrown instanceof TokenBudgetSpent)) throw thrown;
      result = { final: bestSoFar(state), reason: 'token-limit' };
    }
    await writes.flush();
    const text = result.reason === 'done' ? result.final : `${result.final}\n\n_(${stopNote[result.reason]})_`.trim();
    state.linkCheck = mergeLinkChecks(state.linkCheck, checkAnswerLinks(text, [...read.values()]));
    await endRun(run.id, 'done', { final: text, stopReason: result.reason, team: structuredClone(state) });
    emit({ type: 'final', text, reason: result.reason });
  } catch (thrown) {
    turns.abort();
    await writes.flush().catch(() => {});
    await endFailedRun(run.id, writes.failure() ?? thrown, signal, emit, state.turns.length > 0);
  } finally {
    signal.removeEventListener('abort', stopTurns);
    closeInbox(run.id);
    await mcp?.close();
  }
}

/** Members number their calls per turn, so a stored step's call id is prefixed with its turn. */
export const stepKey = (turnId: string, callId: string) => `${turnId}:${callId}`;

/** When the budget runs out: the latest member message, which is the team's most recent work. */
function bestSoFar(state: TeamRunState): string {
  const last = state.turns.findLast((turn) => turn.kind === 'message');
  return last?.text ?? `The team used ${totalTokens(state)} tokens before anyone answered.`;
}

async function openTeamRun(start: TeamStart): Promise<AgentRunRecord> {
  if (start.kind === 'start') return createTeamRun(start.team, start.objective, start.tabId);
  // A Resume that comes after the run ended gets it as stored (see hasEnded), not a second loop.
  const previous = start.kind === 'resume' ? await reopenRun(start.runId, 'team') : await db().runs.get(start.runId);
  if (!previous?.team) throw new AsideError('not-found', 'This team run no longer exists.');
  if (start.kind === 'restart') return createTeamRun(previous.team.team, previous.team.objective, previous.tabId);
  return previous;
}
