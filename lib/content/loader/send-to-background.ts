import { browser } from 'wxt/browser';
import type { BackgroundRequests, RequestOf } from '../../messaging/protocol';
import type { Envelope } from '../../messaging/requests';

/**
 * Sends a request to the background from the always-loaded content script,
 * which leaves zod and the protocol's schemas out (they are most of its
 * parse and run time on every page load): the background still checks the
 * sender and validates the payload; the answer is returned unvalidated, so a
 * caller reads only what it checks itself. Everywhere else, `callBackground`.
 */
export async function sendToBackground<K extends keyof BackgroundRequests & string>(
  type: K,
  payload: RequestOf<BackgroundRequests, K>,
): Promise<unknown> {
  const reply: unknown = await browser.runtime.sendMessage({ aside: 1, type, payload } satisfies Envelope);
  const typed = reply as { ok?: unknown; value?: unknown; error?: { message?: unknown } } | null;
  if (typed?.ok === true) return typed.value;
  throw new Error(`${type} failed: ${String(typed?.error?.message ?? 'no answer')}`);
}
