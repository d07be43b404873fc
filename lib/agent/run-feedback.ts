import { db } from '../db/database';
import { AsideError } from '../messaging/errors';

/** Rates a run's final answer (agent or team), or clears the rating (null): fine-tuning data (lib/finetune). */
export async function rateRun(id: string, rating: 'up' | 'down' | null): Promise<void> {
  const run = await db().runs.get(id);
  if (!run?.final) throw new AsideError('not-found', 'That run has no answer to rate.');
  // `update` (not `modify`) so open live queries see the change; undefined removes the property.
  await db().runs.update(id, { rating: rating ?? undefined });
}

/** Saves the user's rewrite of a run's final answer (null goes back to the original, which is always kept). */
export async function editRunFinal(id: string, text: string | null): Promise<void> {
  const run = await db().runs.get(id);
  if (!run?.final) throw new AsideError('not-found', 'That run has no answer to edit.');
  const editedFinal = text === null || text.trim() === run.final.trim() ? undefined : text;
  await db().runs.update(id, { editedFinal });
}
