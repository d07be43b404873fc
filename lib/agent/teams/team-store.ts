import { userTeamsItem } from '../../settings/secure-settings';
import { presetTeams } from './presets';
import { type Team, type TeamFile, teamFileSchema } from './team';

/** Presets first, then the user's teams. */
export async function allTeams(): Promise<Team[]> {
  return [...presetTeams, ...(await userTeamsItem.getValue())];
}

/** The export file for some teams. */
export function toTeamFile(teams: readonly Team[]): TeamFile {
  return { format: 'aside-teams', version: 1, teams: [...teams] };
}

/** Parses an imported file; throws with zod's explanation when it is not a valid team file. */
export function parseTeamFile(text: string): Team[] {
  return teamFileSchema.parse(JSON.parse(text)).teams;
}
