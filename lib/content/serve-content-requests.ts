import { capturePage } from '../capture/capture-page';
import { serveTabRequests } from '../messaging/requests';

/**
 * The content script's side of the protocol. The listener dies with the page's
 * content-script context (an extension reload invalidates it).
 */
export function serveContentRequests(signal: AbortSignal): void {
  // A script injected again on demand must not answer twice.
  const marker = Symbol.for('aside.content-requests');
  const scope = globalThis as { [marker]?: boolean };
  if (scope[marker]) return;
  scope[marker] = true;
  const stop = serveTabRequests({
    'page.capture': async () => capturePage(document),
  });
  signal.addEventListener('abort', () => {
    stop();
    scope[marker] = false;
  });
}
