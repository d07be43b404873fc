import { browser } from 'wxt/browser';
import type { SerializedError } from '../../messaging/errors';
import type { Reply } from '../../messaging/requests';
import { pageTools } from '../page-tools-slot';
import { tabRequestTypes } from './tab-request-types';

const types: readonly string[] = tabRequestTypes;

function isTabRequest(message: unknown): boolean {
  const envelope = message as { aside?: unknown; type?: unknown } | null;
  return typeof envelope === 'object' && envelope?.aside === 1 && types.includes(envelope.type as string);
}

/**
 * The always-loaded side of the background's requests to this tab: it holds
 * no handler itself. On a request it has the page tools loaded (once per
 * frame, `load`), and they check the sender, validate the payload and answer
 * (lib/content/serve-content-requests.ts), as if they had received it.
 */
export function relayTabRequests(signal: AbortSignal, load: () => Promise<void>): void {
  // A script injected again on demand (lib/tabs/capture-tab.ts) must not answer twice.
  const marker = Symbol.for('aside.content-requests');
  const scope = globalThis as { [marker]?: boolean };
  if (scope[marker]) return;
  scope[marker] = true;
  const answer = async (message: unknown, sender: Parameters<typeof listener>[1]): Promise<Reply> => {
    try {
      await load();
      const reply = pageTools()?.(message, sender);
      if (!reply) throw new Error('The page tools did not load.');
      return await reply;
    } catch (error) {
      const failure: SerializedError = {
        name: 'AsideError',
        code: 'page-no-content-script',
        message: 'Aside cannot read this page.',
        detail: error instanceof Error ? error.message : String(error),
      };
      return { ok: false, error: failure };
    }
  };
  const listener = (
    message: unknown,
    sender: Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1],
    sendResponse: (reply: Reply) => void,
  ): true | undefined => {
    if (!isTabRequest(message)) return undefined;
    void answer(message, sender).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(listener);
    scope[marker] = false;
  });
}
