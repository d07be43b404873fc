import type { TeamPattern } from '../../../lib/agent/teams/team';

/** What the header's round counter says, as a message key and its parameters. */
export type RoundLabel =
  | { readonly key: 'teamRun.round'; readonly params: { readonly round: number; readonly rounds: number } }
  | { readonly key: 'teamRun.round.independent'; readonly params?: undefined };

/**
 * The round counter. A debate's round 0 is the independent answers and its
 * limit counts the revision rounds after it; other patterns count from 1.
 */
export function roundLabel(pattern: TeamPattern, round: number, rounds: number): RoundLabel {
  if (pattern === 'debate' && round <= 0) return { key: 'teamRun.round.independent' };
  return { key: 'teamRun.round', params: { round: Math.min(Math.max(round, 1), rounds), rounds } };
}
