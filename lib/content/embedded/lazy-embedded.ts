import type { TabRequests } from '../../messaging/protocol';
import type { Handlers } from '../../messaging/requests';
import { toolbarMayShow } from '../loader/read-local';
import { sendToBackground } from '../loader/send-to-background';
import { snapshotSelection } from './selection-target';

type RunHandler = Handlers<TabRequests>['embedded.run'];

/** Where the injected UI script leaves its `embedded.run` handler (all Aside's scripts share the isolated world). */
export const embeddedRunKey = Symbol.for('aside.embedded-run');
type Scope = { [embeddedRunKey]?: RunHandler };

/** The UI script's `embedded.run` handler, once it is loaded in this frame. */
export const embeddedRun = (): RunHandler | undefined => (globalThis as Scope)[embeddedRunKey];

/**
 * The always-loaded half of Embedded mode: a few listeners that wait for the
 * first selection worth a toolbar and only then ask the background to inject
 * the UI script (React, Markdown). Pages where the user never selects text
 * pay for nothing more than these listeners. (Menu and command runs reach the
 * UI through the page tools: lib/content/embedded/embedded-runner.ts.)
 */
export function watchForEmbedded(signal: AbortSignal): void {
  let injecting: Promise<unknown> | null = null;
  const local = new AbortController();
  signal.addEventListener('abort', () => local.abort());
  const outside = document.createElement('div');
  const check = async () => {
    if (embeddedRun() || injecting) return;
    if (!snapshotSelection(document, outside)) return;
    if (!(await toolbarMayShow(location.hostname))) return;
    injecting ??= sendToBackground('embedded.injectUi', {}).then(() => local.abort());
    await injecting.catch((error: unknown) => console.warn('[aside] could not load the selection toolbar', error));
  };
  const options = { signal: local.signal, capture: true, passive: true } as const;
  for (const type of ['mouseup', 'keyup', 'selectionchange'] as const) {
    document.addEventListener(type, () => void check(), options);
  }
}

/** Called by the injected UI script: hands its handler to the page tools' runner. */
export function provideEmbeddedRun(handler: RunHandler): void {
  (globalThis as Scope)[embeddedRunKey] = handler;
}
