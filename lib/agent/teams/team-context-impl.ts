import { checkAnswerLinks, mergeLinkChecks } from '../../consent/answer-links';
import type { LabelledText } from '../../consent/carried-text';
import { sourcesFromMessages } from '../../consent/run-sources';
import type { ChatMessageParam } from '../../llm/stream-completion';
import { newUntrustedNonce, type UntrustedNonce } from '../../prompt/untrusted';
import type { LoopHooks } from '../agent-loop';
import { agentLoop } from '../agent-loop';
import type { AgentEvent } from '../agent-stream-protocol';
import type { ToolContext } from '../tool';
import { rememberToolMode } from '../tool-modes';
import { type TeamContext, TokenBudgetSpent, type TurnRequest } from './team-context';
import type { TeamInbox } from './team-inbox';
import type { MemberSetup } from './team-members';
import { memberSystemPrompt } from './team-prompts';
import { type TeamRunState, totalTokens } from './team-run-state';
import type { TeamEvent } from './team-stream-protocol';

export interface TeamContextOptions {
  readonly state: TeamRunState;
  readonly members: ReadonlyMap<string, MemberSetup>;
  readonly inbox: TeamInbox;
  /** What a member's tools may use in a turn wrapped with `nonce`; questions and consent carry the member's id. */
  readonly toolContextFor: (agentId: string, nonce: UntrustedNonce) => ToolContext;
  readonly maxConsecutiveFailures: number;
  readonly emit: (event: TeamEvent) => void;
  /** Consent and step records for one member's turn. */
  readonly callHooks: (
    turnId: string,
    agentId: string,
    context: ToolContext,
    /** The member's messages, which the loop appends to: what it has read when it makes a call. */
    seen: readonly ChatMessageParam[],
  ) => Pick<LoopHooks, 'authorize' | 'onCallStart' | 'onCallEnd'>;
  /** Stores a copy of the state (queued, in order). */
  readonly persist: (state: TeamRunState) => void;
  /**
   * Everything the members have read so far (pages, tool results, each other's messages), by text:
   * each turn adds its own, and links in members' messages and the final answer are checked against it.
   * Kept in memory only: a resumed run checks against what it reads from then on and the stored turns.
   */
  readonly read: Map<string, LabelledText>;
}

/** The run's sources with a turn's own added. */
export function teamSources(
  read: ReadonlyMap<string, LabelledText>,
  seen: readonly ChatMessageParam[],
): LabelledText[] {
  const all = new Map(read);
  for (const source of sourcesFromMessages(seen)) all.set(source.text, source);
  return [...all.values()];
}

/**
 * The team context the patterns run on. A turn is one member's own agent
 * loop (its tools, its model, `stepsPerTurn` requests at most) over a fresh
 * prompt built from the shared transcript; its events are tagged with the
 * turn, and its token use is added to the member's.
 */
export function createTeamContext(options: TeamContextOptions): TeamContext {
  const { state, inbox, emit } = options;
  const tell = () =>
    emit({
      type: 'state',
      round: state.round,
      tasks: state.tasks.map((task) => ({ ...task })),
      usage: structuredClone(state.usage),
    });
  const publish = () => {
    options.persist(state);
    tell();
  };
  /** The user's interjections join the transcript just before the next member starts. */
  const takeInterjections = () => {
    for (const text of inbox.interjections.splice(0)) {
      state.turns.push({
        id: crypto.randomUUID(),
        agentId: 'user',
        kind: 'interjection',
        text,
        round: state.round,
        createdAt: Date.now(),
      });
    }
  };

  async function speak(request: TurnRequest): Promise<string> {
    if (totalTokens(state) >= state.team.limits.maxTokens) throw new TokenBudgetSpent();
    const { agent } = request;
    const member = options.members.get(agent.id);
    if (!member) throw new Error(`No setup for ${agent.id}`);
    takeInterjections();
    publish();
    const turnId = crypto.randomUUID();
    emit({ type: 'turn', turnId, agentId: agent.id, round: request.round });
    const usage = state.usage[agent.id] ?? { calls: 0, promptTokens: 0, completionTokens: 0 };
    state.usage[agent.id] = usage;
    const before = { ...usage };
    const tools = request.useTools === false ? [] : member.tools;
    // Each turn is a fresh conversation (nothing of it is resumed), so it has its own nonce:
    // its system prompt, the teammates' messages in its brief and its tool results all use it.
    const nonce = newUntrustedNonce();
    const toolContext = options.toolContextFor(agent.id, nonce);
    const messages: ChatMessageParam[] = [
      { role: 'system', content: memberSystemPrompt(state.team, agent, request.dutyRule, nonce) },
      { role: 'user', content: request.prompt(state, nonce) },
    ];
    const tag = (event: AgentEvent) => {
      switch (event.type) {
        case 'delta':
        case 'tool-call':
        case 'tool-result':
          return emit({ ...event, turnId });
        case 'usage':
          usage.promptTokens = before.promptTokens + event.promptTokens;
          usage.completionTokens = before.completionTokens + event.completionTokens;
          // Live token use per member; stored with the turn.
          return tell();
        case 'ask':
        case 'consent':
        case 'script':
          return emit(event);
        default:
          return;
      }
    };
    const result = await agentLoop({
      client: member.client,
      model: member.model,
      ...(member.temperature === undefined ? {} : { temperature: member.temperature }),
      local: member.local,
      tools,
      messages,
      context: toolContext,
      maxSteps: state.team.limits.stepsPerTurn,
      maxConsecutiveFailures: options.maxConsecutiveFailures,
      toolMode: member.toolMode,
      emit: tag,
      hooks: {
        ...options.callHooks(turnId, agent.id, toolContext, messages),
        onTranscript: async (_messages, steps) => {
          usage.calls = before.calls + steps;
        },
        onToolModeChange: async (mode) => {
          member.toolMode = mode;
          await rememberToolMode(member.profileId, mode);
        },
      },
    });
    const reply = result.text.trim() || '(No answer: the member stopped at its step limit.)';
    for (const source of teamSources(options.read, messages)) options.read.set(source.text, source);
    state.linkCheck = mergeLinkChecks(state.linkCheck, checkAnswerLinks(reply, [...options.read.values()]));
    const stored = request.record?.(reply) ?? { text: reply };
    state.turns.push({
      id: turnId,
      agentId: agent.id,
      kind: request.kind,
      text: stored.text,
      round: request.round,
      ...(stored.to ? { to: stored.to } : {}),
      ...(request.taskId ? { taskId: request.taskId } : {}),
      createdAt: Date.now(),
    });
    publish();
    emit({ type: 'turn-end', turnId, agentId: agent.id });
    return reply;
  }

  return {
    state,
    speak,
    save: async () => publish(),
    takeTaskEdit: () => {
      const edit = inbox.tasks;
      inbox.tasks = undefined;
      return edit;
    },
  };
}
