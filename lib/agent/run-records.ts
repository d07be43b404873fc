import type { LinkCheck } from '../consent/answer-links';
import type { ChatMessageParam } from '../llm/stream-completion';
import type { SerializedError } from '../messaging/errors';
import type { StepStatus } from './agent-stream-protocol';
import type { TeamRunState } from './teams/team-run-state';

export type RunStatus = 'running' | 'done' | 'stopped' | 'error' | 'interrupted';

/** One agent run, stored as it goes (Dexie table `runs`, v6). */
export interface AgentRunRecord {
  id: string;
  goal: string;
  status: RunStatus;
  profileId: string;
  model: string;
  tabId: number | null;
  /** The nonce of the run's untrusted-content markers (agent runs; see run-nonce.ts). Absent on runs made before nonces. */
  untrustedNonce?: string;
  /** The messages after the system prompt, saved after every step so a run can resume. */
  transcript: ChatMessageParam[];
  /** Model requests made. */
  steps: number;
  final?: string;
  /** Which of the final answer's links carry text the run read (lib/consent/answer-links.ts). */
  linkCheck?: LinkCheck;
  stopReason?: string;
  error?: SerializedError;
  usage: { promptTokens: number; completionTokens: number };
  /** Set for a team run: the team, its shared transcript, tasks and usage per member. */
  team?: TeamRunState;
  /** The user's rating of the final answer, for fine-tuning data (lib/finetune). */
  rating?: 'up' | 'down';
  /** The user's rewrite of the final answer; `final` keeps the original (a preference pair). */
  editedFinal?: string;
  /** MCP servers this run went without (down, too slow, broken), as met when it last (re)started. */
  mcpProblems?: { server: string; error: SerializedError }[];
  createdAt: number;
  updatedAt: number;
}

/** One tool call of a run (Dexie table `runSteps`, v6), written when it starts and when it ends. */
export interface AgentStepRecord {
  id: string;
  runId: string;
  /** Order within the run. */
  index: number;
  callId: string;
  /** In a team run: the member's turn this call belongs to. */
  turnId?: string;
  tool: string;
  arguments: string;
  status: StepStatus;
  preview?: string;
  durationMs?: number;
  createdAt: number;
}
