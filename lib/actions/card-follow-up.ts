import { AsideError } from '../messaging/errors';
import { maxCardExchanges } from './action-stream-protocol';
import { type CardMessage, type CardRun, cardRunOf } from './card-runs';

/**
 * The conversation a follow-up question continues: the earlier run's own
 * messages (kept by the background, so a page cannot rewrite what was said),
 * then its prompt and answer. Only runs of the asking tab are found.
 */
export async function followUpContext(tabId: number, runId: string): Promise<readonly CardMessage[]> {
  const run: CardRun = await cardRunOf(tabId, runId);
  const context = [
    ...(run.context ?? []),
    { role: 'user', content: run.prompt },
    { role: 'assistant', content: run.answer },
  ] satisfies CardMessage[];
  if (context.filter((message) => message.role === 'assistant').length >= maxCardExchanges) {
    throw new AsideError('invalid-message', 'This card’s conversation is long: continue it in the side panel.');
  }
  return context;
}
