import { AsideError } from '../../messaging/errors';
import type { TeamEvent, TeamStart } from './team-stream-protocol';

/** Runs (or resumes) a team run in the background. */
export async function runTeam(_start: TeamStart, emit: (event: TeamEvent) => void, _signal: AbortSignal) {
  emit({ type: 'error', error: new AsideError('internal', 'Team runs are being built.').toJSON(), partial: false });
}
