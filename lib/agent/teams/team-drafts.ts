import { dutiesByPattern, type Team, type TeamAgent, type TeamDuty, type TeamPattern } from './team';

/** Names the template's members in the UI language: `(duty, n)` → "Debater 2"; `n` only when the duty repeats. */
export type MemberNamer = (duty: TeamDuty, n?: number) => string;

/** Kebab-case ASCII of a name: "Lead Researcher!" → "lead-researcher"; "研究员" → "". */
export function kebab(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`… whichever is not taken, cut to `max` characters. */
export function uniqueId(base: string, taken: ReadonlySet<string>, max: number): string {
  const cut = (text: string, room: number) => text.slice(0, room).replace(/-+$/, '');
  let id = cut(base, max);
  for (let n = 2; taken.has(id); n++) id = `${cut(base, max - `-${n}`.length)}-${n}`;
  return id;
}

/**
 * An agent id from its name, unique among `taken`: kebab-case, and prefixed
 * with the duty when the name has no Latin letter (a Chinese name gives "judge", "debater-1").
 */
export function agentIdFor(name: string, duty: TeamDuty, taken: ReadonlySet<string>): string {
  const slug = kebab(name);
  const base = /[a-z]/.test(slug) ? slug : [duty, slug].filter(Boolean).join('-');
  return uniqueId(base, taken, 40);
}

/** A team id for a new or imported team, unique among `taken`; never a preset's `preset-` id. */
export function teamIdFor(name: string, taken: ReadonlySet<string>): string {
  const slug = kebab(name);
  return uniqueId(slug ? `team-${slug}` : 'team', taken, 80);
}

/** Gives every agent without an id (new members) one made from its name; existing ids stay, turns are keyed by them. */
export function withAgentIds(agents: readonly TeamAgent[]): TeamAgent[] {
  const taken = new Set(agents.map((agent) => agent.id).filter(Boolean));
  return agents.map((agent) => {
    if (agent.id) return agent;
    const id = agentIdFor(agent.name, agent.duty, taken);
    taken.add(id);
    return { ...agent, id };
  });
}

/** Who a new team of each pattern starts with: the duties it needs, in speaking order. */
const templateDuties: Record<TeamPattern, readonly TeamDuty[]> = {
  'task-list': ['creator', 'prioritizer', 'executor'],
  'role-play': ['instructor', 'assistant'],
  debate: ['debater', 'debater', 'judge'],
  'group-chat': ['manager', 'member', 'member', 'critic'],
};

/** The duty an "Add member" button adds: the one a pattern can have several of. */
export const extraDuty: Record<TeamPattern, TeamDuty> = {
  'task-list': 'executor',
  'role-play': 'assistant',
  debate: 'debater',
  'group-chat': 'member',
};

const templateLimits: Record<TeamPattern, Team['limits']> = {
  'task-list': { rounds: 5, stepsPerTurn: 6, maxTokens: 150_000 },
  'role-play': { rounds: 6, stepsPerTurn: 3, maxTokens: 100_000 },
  debate: { rounds: 2, stepsPerTurn: 4, maxTokens: 150_000 },
  'group-chat': { rounds: 10, stepsPerTurn: 6, maxTokens: 200_000 },
};

/** Tools a template gives by duty: readers read, deciders decide. */
const templateTools: Partial<Record<TeamDuty, string[]>> = {
  executor: ['get_current_page', 'search_library', 'read_saved_page', 'get_datetime'],
  assistant: ['get_current_page', 'search_library', 'read_saved_page'],
  debater: ['get_current_page', 'search_library', 'read_saved_page'],
  member: ['search_library', 'read_saved_page'],
  critic: ['search_library', 'read_saved_page'],
};

/** A blank member with a duty; its id is made from its name on save. */
export function blankAgent(duty: TeamDuty, name: string): TeamAgent {
  return { id: '', name, duty, instructions: '', tools: [...(templateTools[duty] ?? [])] };
}

/**
 * A new team of a pattern with the members it needs, named in the UI
 * language; valid as it is once named, ids filled by `withAgentIds`.
 */
export function teamTemplate(pattern: TeamPattern, name: string, memberName: MemberNamer): Team {
  const duties = templateDuties[pattern];
  const seen = new Map<TeamDuty, number>();
  const agents = duties.map((duty) => {
    const n = (seen.get(duty) ?? 0) + 1;
    seen.set(duty, n);
    const repeats = duties.filter((d) => d === duty).length > 1;
    return blankAgent(duty, repeats ? memberName(duty, n) : memberName(duty));
  });
  return { id: '', name, description: '', pattern, agents, limits: { ...templateLimits[pattern] } };
}

/** A copy to edit under a new name; the id is assigned on save. Member ids stay: they are unique within the team. */
export function duplicateTeam(team: Team, name: string): Team {
  return structuredClone({ ...team, id: '', name });
}

/** The duties a member of this pattern may have, for the editor's select. */
export function dutiesOf(pattern: TeamPattern): readonly TeamDuty[] {
  return dutiesByPattern[pattern];
}
