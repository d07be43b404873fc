import { db } from '../db/database';
import { AsideError } from '../messaging/errors';

/**
 * A fresh service worker has no turn running, so any answer still marked as
 * streaming was cut off when the previous worker stopped. Mark it, keeping its
 * text, so the panel offers a retry instead of waiting forever.
 */
export async function markInterruptedAnswers(workerStartedAt: number): Promise<void> {
  const error = new AsideError('stream-broken', 'The answer was interrupted when the browser stopped Aside.').toJSON();
  await db()
    // Answers this worker started itself (a turn can begin before the sweep) are live, not interrupted.
    .messages.filter((message) => message.status === 'streaming' && message.createdAt < workerStartedAt)
    .modify({ status: 'error', error });
}
