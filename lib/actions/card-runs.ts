import { storage } from 'wxt/utils/storage';
import { rateMessage } from '../db/conversations';
import { AsideError } from '../messaging/errors';
import { storeRatedCard } from './card-feedback';

/**
 * The in-page card's finished runs, as the background streamed them. Rating
 * an answer or continuing it in the side panel refers to a run by id, and the
 * background uses its own copy: a page (or a compromised page process) can
 * neither put words in the assistant's mouth nor invent training examples,
 * and a tab can only act on its own runs. Kept in `storage.session` (out of
 * content scripts' reach) so a service worker that slept in between still
 * finds them; the newest few are enough.
 */
/** One message of a card's conversation, as sent to the provider. */
export interface CardMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface CardRun {
  readonly runId: string;
  readonly tabId: number;
  /** What the card showed as the question: the action's name and the quoted selection or link. */
  readonly question: string;
  /** The filled-in template that was sent. */
  readonly prompt: string;
  readonly answer: string;
  readonly model: string;
  /**
   * The messages sent before `prompt`: the system prompt, then any earlier exchanges of the same card (a
   * follow-up goes on from them). Absent for runs remembered before follow-ups existed.
   */
  readonly context?: readonly CardMessage[];
  /** The stored answer, once the user rated it; later ratings go to it. */
  readonly messageId?: string;
}

const keep = 20;
const cardRunsItem = storage.defineItem<CardRun[]>('session:cardRuns', { fallback: [] });

export async function rememberCardRun(run: CardRun): Promise<void> {
  const runs = (await cardRunsItem.getValue()).filter((other) => other.runId !== run.runId);
  await cardRunsItem.setValue([...runs, run].slice(-keep));
}

/** One of this tab's finished runs; anything else is refused. */
export async function cardRunOf(tabId: number, runId: string): Promise<CardRun> {
  const run = (await cardRunsItem.getValue()).find((candidate) => candidate.runId === runId);
  if (!run || run.tabId !== tabId) throw new AsideError('not-found', 'That answer is no longer available.');
  return run;
}

/** 👍/👎 on a card's answer: the first rating stores the exchange (fine-tuning data), later ones change it. */
export async function rateCardRun(tabId: number, runId: string, rating: 'up' | 'down' | null): Promise<void> {
  const run = await cardRunOf(tabId, runId);
  if (run.messageId) {
    await rateMessage(run.messageId, rating);
    return;
  }
  if (rating === null) return;
  const messageId = await storeRatedCard(run, rating);
  await rememberCardRun({ ...run, messageId });
}
