import { presetTeams } from './presets';
import { type Team, teamSchema } from './team';
import { teamIdFor, withAgentIds } from './team-drafts';
import { parseTeamFile } from './team-store';

/** JSON with sorted keys, so equal teams compare equal whatever order their fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** Every team id in use: presets' and the user's. */
export function takenTeamIds(teams: readonly Team[]): Set<string> {
  return new Set([...presetTeams, ...teams].map((team) => team.id));
}

/**
 * Completes an edited draft for saving: ids for a new team and new members,
 * trimmed names, empty optional fields dropped. The result still needs
 * `teamSchema` validation.
 */
export function finishDraft(draft: Team, userTeams: readonly Team[]): Team {
  const taken = takenTeamIds(userTeams.filter((team) => team.id !== draft.id));
  const agents = withAgentIds(
    draft.agents.map(({ profileId, model, ...agent }) => ({
      ...agent,
      name: agent.name.trim(),
      ...(profileId ? { profileId } : {}),
      ...(model?.trim() ? { model: model.trim() } : {}),
    })),
  );
  const id = draft.id || teamIdFor(draft.name, taken);
  return { ...draft, id, name: draft.name.trim(), agents };
}

/** Replaces the team with the same id, or appends it. */
export function upsertTeam(teams: readonly Team[], team: Team): Team[] {
  return teams.some((t) => t.id === team.id) ? teams.map((t) => (t.id === team.id ? team : t)) : [...teams, team];
}

export function removeTeam(teams: readonly Team[], id: string): Team[] {
  return teams.filter((team) => team.id !== id);
}

export interface TeamImport {
  readonly teams: Team[];
  readonly added: number;
  /** Imported under a new id because theirs was taken by a different team (or a preset). */
  readonly renamed: number;
  /** Already here, identical: skipped, so importing a file twice changes nothing. */
  readonly unchanged: number;
}

/**
 * Merges an imported file into the user's teams without ever losing one: a
 * team whose id is taken by a different team (or a preset) is added under a
 * new id; an identical one is skipped. Throws (zod or JSON error) on an invalid
 * file, before anything changes.
 */
export function importTeams(existing: readonly Team[], text: string): TeamImport {
  const incoming = parseTeamFile(text);
  const teams = [...existing];
  const taken = takenTeamIds(teams);
  let added = 0;
  let renamed = 0;
  let unchanged = 0;
  for (const team of incoming) {
    const same = teams.find((t) => t.id === team.id);
    if (same && canonical(same) === canonical(team)) {
      unchanged++;
      continue;
    }
    const id = taken.has(team.id) ? teamIdFor(team.name, taken) : team.id;
    if (id !== team.id) renamed++;
    taken.add(id);
    teams.push(teamSchema.parse({ ...team, id }));
    added++;
  }
  return { teams, added, renamed, unchanged };
}
