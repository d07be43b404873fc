import { checkAnswerLinks } from '../consent/answer-links';
import { sourcesFromMessages } from '../consent/run-sources';
import { db } from '../db/database';
import { writeOrExplainQuota } from '../db/quota';
import { createClient } from '../llm/client';
import { isLocalURL } from '../llm/presets';
import type { ChatMessageParam } from '../llm/stream-completion';
import { keepMcpProblems, type McpRunTools, openMcpTools } from '../mcp/mcp-run-tools';
import { AsideError } from '../messaging/errors';
import { getApiKey } from '../settings/api-keys';
import { resolveProfile } from '../settings/profiles';
import { agentSettingsItem } from '../settings/secure-settings';
import { agentLoop } from './agent-loop';
import { agentSystemPrompt } from './agent-prompt';
import type { AgentEvent, AgentStart } from './agent-stream-protocol';
import { authorizeCall } from './authorize-call';
import { endFailedRun } from './end-failed-run';
import { endedRunEvents, hasEnded } from './ended-run';
import { waitForAnswer } from './pending-prompts';
import { availableTools } from './registry';
import { runFollowingClient } from './run-client';
import { runNonce } from './run-nonce';
import type { AgentRunRecord } from './run-records';
import { runScriptInPanel } from './run-script-in-panel';
import {
  countSteps,
  createRun,
  endRun,
  reopenRun,
  saveTranscript,
  setStepStatus,
  startStep,
  updateRun,
} from './run-store';
import { type RunWindow, runWindow } from './run-window';
import type { ToolContext } from './tool';
import { rememberToolMode, toolModeFor } from './tool-modes';
import { createWriteQueue } from './write-queue';

/**
 * Runs (or resumes) an agent run in the background: resolves the provider,
 * runs the loop with consent and questions routed to the side panel, and
 * stores every step as it happens.
 */
export async function runAgent(
  start: AgentStart,
  emit: (event: AgentEvent) => void,
  signal: AbortSignal,
  _sender?: unknown,
  detached: AbortSignal = new AbortController().signal,
) {
  // Asked before the run record is touched, so a start from a window that is gone changes nothing.
  const panelWindow = await runWindow(start.windowId, start.kind === 'start' ? start.tabId : null);
  const opening = {
    kind: 'agent' as const,
    resumeId: start.kind === 'resume' ? start.runId : null,
    // A disk too full to store even the run's start says so.
    open: () => writeOrExplainQuota(() => openRun(start)),
    failed: (error: unknown): AgentEvent => ({ type: 'error', error: AsideError.from(error).toJSON(), partial: false }),
  };
  await runFollowingClient(opening, { emit, signal, detached }, async (run, runEmit, runSignal) => {
    if (hasEnded(run)) for (const event of endedRunEvents(run)) runEmit(event);
    else await continueRun(run, panelWindow, runEmit, runSignal);
  });
}

/** The run itself, going on after the panel closes until it needs the user (see followClients). */
async function continueRun(
  run: AgentRunRecord,
  panelWindow: RunWindow,
  emit: (event: AgentEvent) => void,
  signal: AbortSignal,
) {
  emit({ type: 'started', runId: run.id });
  const { nonce, transcript, changed } = runNonce(run);
  if (changed) await updateRun(run.id, { untrustedNonce: nonce, transcript });
  const profile = await resolveProfile(run.profileId);
  const settings = await agentSettingsItem.getValue();
  // A full disk stops the run at once (the loop and any tool or prompt waiting), ending it with the quota error.
  const diskFull = new AbortController();
  const writes = createWriteQueue(() => diskFull.abort());
  const loopSignal = AbortSignal.any([signal, diskFull.signal]);
  const context: ToolContext = {
    tabId: run.tabId,
    ...panelWindow,
    nonce,
    signal: loopSignal,
    ask: async (question, choices) => {
      const promptId = crypto.randomUUID();
      emit({ type: 'ask', promptId, question, choices: [...choices] });
      const answer = await waitForAnswer(promptId, loopSignal);
      return answer.kind === 'ask' ? answer.text : '';
    },
    runScript: (code, timeoutMs) => runScriptInPanel(code, timeoutMs, emit, loopSignal),
  };
  const runGrants = new Set<string>();
  let stepIndex = await countSteps(run.id);
  // The loop appends to this array: at each call, it holds everything the model has read so far.
  const messages: ChatMessageParam[] = [{ role: 'system', content: agentSystemPrompt(nonce) }, ...transcript];
  let mcp: McpRunTools | null = null;
  try {
    // The enabled MCP servers' tools, named by server; a server that fails is said so and left out.
    mcp = await openMcpTools(loopSignal);
    await keepMcpProblems(run.id, mcp.problems);
    for (const problem of mcp.problems) {
      emit({ type: 'mcp-problem', server: problem.server, error: problem.error.toJSON() });
    }
    const result = await agentLoop({
      client: createClient({ baseURL: profile.baseURL, apiKey: await getApiKey(profile) }),
      model: run.model,
      ...(profile.temperature === undefined ? {} : { temperature: profile.temperature }),
      local: isLocalURL(profile.baseURL),
      tools: [...availableTools(), ...mcp.tools],
      messages,
      context,
      maxSteps: settings.maxSteps,
      maxConsecutiveFailures: settings.maxConsecutiveFailures,
      toolMode: await toolModeFor(profile.id),
      stepsSoFar: run.steps,
      usageSoFar: run.usage,
      emit: (event) => {
        if (event.type === 'usage') {
          updateRun(run.id, {
            usage: { promptTokens: event.promptTokens, completionTokens: event.completionTokens },
          }).catch(() => {});
        }
        emit(event);
      },
      hooks: {
        authorize: (tool, input, call) =>
          authorizeCall(
            tool,
            input,
            context,
            emit,
            runGrants,
            (status) => writes.push(() => setStepStatus(run.id, call.id, status)),
            sourcesFromMessages(messages),
          ),
        onCallStart: (call) => {
          const index = stepIndex++;
          return writes.push(() => startStep(run.id, index, call.id, call.name, call.arguments));
        },
        onCallEnd: (call, status, preview, durationMs) =>
          writes.push(() => setStepStatus(run.id, call.id, status, preview, durationMs)),
        // A copy: the loop goes on appending to its array while the write waits its turn.
        onTranscript: (messages, steps) => {
          const transcript = messages.slice(1);
          return writes.push(() => saveTranscript(run.id, transcript, steps));
        },
        onToolModeChange: (mode) => rememberToolMode(profile.id, mode),
      },
    });
    await writes.flush();
    const text = result.reason === 'done' ? result.text : `${result.text}\n\n_(${stopNote[result.reason]})_`.trim();
    // The final answer's links are checked against everything the run read (see lib/consent/answer-links.ts).
    const linkCheck = checkAnswerLinks(text, sourcesFromMessages(messages));
    await endRun(run.id, 'done', { final: text, stopReason: result.reason, linkCheck });
    emit({ type: 'final', text, reason: result.reason });
  } catch (thrown) {
    await writes.flush().catch(() => {});
    await endFailedRun(run.id, writes.failure() ?? thrown, signal, emit);
  } finally {
    await mcp?.close();
  }
}

const stopNote = {
  done: '',
  'step-limit': 'Stopped at the step limit.',
  'too-many-failures': 'Stopped after several tool calls failed in a row.',
  cancelled: 'Stopped.',
} as const;

async function openRun(start: AgentStart): Promise<AgentRunRecord> {
  if (start.kind === 'start') {
    const profile = await resolveProfile(start.profileId);
    const model = (profile.id === start.profileId ? start.model : undefined) ?? profile.model;
    return createRun({ goal: start.goal, profileId: profile.id, model, tabId: start.tabId });
  }
  // A Resume that comes after the run ended gets it as stored (see hasEnded), not a second loop.
  const previous = start.kind === 'resume' ? await reopenRun(start.runId, 'agent') : await db().runs.get(start.runId);
  if (!previous) throw new AsideError('not-found', 'This run no longer exists.');
  if (start.kind === 'restart') {
    const { goal, profileId, model, tabId } = previous;
    return createRun({ goal, profileId, model, tabId });
  }
  return previous;
}
