import { z } from 'zod';

/** The four orchestration patterns a team can follow. */
export const teamPatterns = ['task-list', 'role-play', 'debate', 'group-chat'] as const;
export type TeamPattern = (typeof teamPatterns)[number];

/**
 * What each member does within its pattern. Task list (BabyAGI): creator,
 * prioritizer, executor. Role-play (CAMEL): instructor, assistant. Debate:
 * debaters and a judge. Group chat (MetaGPT/AutoGen): a manager picking who
 * speaks among members, one of whom may be the critic who can send work back.
 */
export const dutiesByPattern = {
  'task-list': ['creator', 'prioritizer', 'executor'],
  'role-play': ['instructor', 'assistant'],
  debate: ['debater', 'judge'],
  'group-chat': ['manager', 'member', 'critic'],
} as const satisfies Record<TeamPattern, readonly string[]>;
export type TeamDuty = (typeof dutiesByPattern)[TeamPattern][number];

const allDuties = [...new Set(Object.values(dutiesByPattern).flat())] as [TeamDuty, ...TeamDuty[]];

export const teamAgentSchema = z.object({
  /** Stable within the team; turns and usage are keyed by it. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** The role's display name ("Researcher", "研究员"), also how the others address it. */
  name: z.string().trim().min(1).max(60),
  duty: z.enum(allDuties),
  instructions: z.string().max(10_000),
  /** Provider profile; absent means the active one. */
  profileId: z.string().optional(),
  /** Model; absent means the profile's default. A cheap model can research while a strong one writes. */
  model: z.string().max(200).optional(),
  /** Names of the agent tools this member may call (lib/agent/registry.ts). */
  tools: z.array(z.string()).max(20),
});
export type TeamAgent = z.infer<typeof teamAgentSchema>;

export const teamLimitsSchema = z.object({
  /** Task list: tasks executed; role-play: instructor turns; debate: revision rounds; group chat: speaker turns. */
  rounds: z.number().int().min(1).max(50),
  /** Model requests one member may make in one turn (its tool loop). */
  stepsPerTurn: z.number().int().min(1).max(15),
  /** Prompt plus completion tokens for the whole run; the team stops once past it. */
  maxTokens: z.number().int().min(1_000).max(5_000_000),
});
export type TeamLimits = z.infer<typeof teamLimitsSchema>;

/** How many members of each duty a pattern needs: [min, max]. */
const dutyCounts: Record<TeamPattern, Partial<Record<TeamDuty, readonly [number, number]>>> = {
  'task-list': { creator: [1, 1], prioritizer: [1, 1], executor: [1, 1] },
  'role-play': { instructor: [1, 1], assistant: [1, 1] },
  debate: { debater: [2, 6], judge: [1, 1] },
  'group-chat': { manager: [1, 1], member: [1, 6], critic: [0, 1] },
};

export const teamSchema = z
  .object({
    id: z.string().min(1).max(80),
    name: z.string().trim().min(1).max(80),
    description: z.string().max(2_000),
    pattern: z.enum(teamPatterns),
    agents: z.array(teamAgentSchema).min(2).max(8),
    limits: teamLimitsSchema,
  })
  .superRefine((team, context) => {
    const ids = new Set(team.agents.map((agent) => agent.id));
    if (ids.size !== team.agents.length) context.addIssue({ code: 'custom', message: 'agent ids must be unique' });
    const allowed: readonly string[] = dutiesByPattern[team.pattern];
    for (const agent of team.agents) {
      if (!allowed.includes(agent.duty)) {
        context.addIssue({ code: 'custom', message: `a ${team.pattern} team has no "${agent.duty}" duty` });
      }
    }
    for (const [duty, [min, max]] of Object.entries(dutyCounts[team.pattern])) {
      const count = team.agents.filter((agent) => agent.duty === duty).length;
      if (count < min || count > max) {
        const wanted = min === max ? `${min}` : `${min}–${max}`;
        context.addIssue({
          code: 'custom',
          message: `a ${team.pattern} team needs ${wanted} ${duty}(s), not ${count}`,
        });
      }
    }
  });
export type Team = z.infer<typeof teamSchema>;

/** The file users export and import teams with. */
export const teamFileSchema = z.object({
  format: z.literal('aside-teams'),
  version: z.literal(1),
  teams: z.array(teamSchema).max(200),
});
export type TeamFile = z.infer<typeof teamFileSchema>;

/** Members with one duty, in team order. */
export function agentsWithDuty(team: Team, duty: TeamDuty): TeamAgent[] {
  return team.agents.filter((agent) => agent.duty === duty);
}
