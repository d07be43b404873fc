import { z } from 'zod';
import { serializedErrorSchema } from '../../messaging/protocol';
import {
  askEventSchema,
  consentEventSchema,
  panelWindowField,
  scriptEventSchema,
  stepStatusSchema,
} from '../agent-stream-protocol';
import { teamSchema } from './team';

/** What the side panel sends to start (or pick up) a team run. */
export const teamStartSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('start'),
    ...panelWindowField,
    /** The team as the user picked it (a preset or their own), snapshotted into the run. */
    team: teamSchema,
    objective: z.string().trim().min(1).max(50_000),
    tabId: z.number().int().nullable(),
  }),
  /** Continues an interrupted team run from its last completed turn. */
  z.object({ kind: z.literal('resume'), runId: z.string(), ...panelWindowField }),
  /** Starts the same team on the same objective again. */
  z.object({ kind: z.literal('restart'), runId: z.string(), ...panelWindowField }),
]);
export type TeamStart = z.infer<typeof teamStartSchema>;

const taskSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'done']),
  result: z.string().optional(),
});
const usageSchema = z.object({ calls: z.number(), promptTokens: z.number(), completionTokens: z.number() });

/** Events the background streams while a team works. `turnId` ties text and tool steps to one member's turn. */
export const teamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), runId: z.string() }),
  /** A member starts speaking (several at once in a debate round). */
  z.object({ type: z.literal('turn'), turnId: z.string(), agentId: z.string(), round: z.number() }),
  z.object({ type: z.literal('delta'), turnId: z.string(), text: z.string() }),
  z.object({
    type: z.literal('tool-call'),
    turnId: z.string(),
    callId: z.string(),
    name: z.string(),
    arguments: z.string(),
  }),
  z.object({
    type: z.literal('tool-result'),
    turnId: z.string(),
    callId: z.string(),
    status: stepStatusSchema,
    preview: z.string(),
    durationMs: z.number(),
  }),
  /** A member's turn is over and stored in the run's `team.turns` (the panel reads it from there). */
  z.object({ type: z.literal('turn-end'), turnId: z.string(), agentId: z.string() }),
  /** The round counter, live task list and token use per member, after every change. */
  z.object({
    type: z.literal('state'),
    round: z.number(),
    tasks: z.array(taskSchema),
    usage: z.record(z.string(), usageSchema),
  }),
  askEventSchema,
  consentEventSchema,
  scriptEventSchema,
  z.object({ type: z.literal('final'), text: z.string(), reason: z.string() }),
  z.object({ type: z.literal('stopped') }),
  z.object({ type: z.literal('error'), error: serializedErrorSchema, partial: z.boolean() }),
]);
export type TeamEvent = z.infer<typeof teamEventSchema>;

export const isTerminalTeamEvent = (event: TeamEvent): boolean =>
  event.type === 'final' || event.type === 'error' || event.type === 'stopped';
