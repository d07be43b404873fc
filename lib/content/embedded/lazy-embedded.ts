import { embeddedSettingsItem, toolbarAllowed } from '../../actions/embedded-settings';
import type { TabRequests } from '../../messaging/protocol';
import { callBackground, type Handlers } from '../../messaging/requests';
import { snapshotSelection } from './selection-target';

type RunHandler = Handlers<TabRequests>['embedded.run'];

/** Where the injected UI script leaves its `embedded.run` handler (both scripts share the isolated world). */
export const embeddedRunKey = Symbol.for('aside.embedded-run');
type Scope = { [embeddedRunKey]?: RunHandler };

/**
 * The always-loaded half of Embedded mode: a few listeners that wait for the
 * first selection worth a toolbar (or a menu/command run) and only then ask
 * the background to inject the UI script (React, Markdown). Pages where the
 * user never selects text pay for nothing more than these listeners.
 */
export function watchForEmbedded(signal: AbortSignal): RunHandler {
  const scope = globalThis as Scope;
  let injecting: Promise<void> | null = null;
  const local = new AbortController();
  signal.addEventListener('abort', () => local.abort());
  const inject = () => {
    injecting ??= callBackground('embedded.injectUi', {}).then(() => local.abort());
    return injecting;
  };
  const outside = document.createElement('div');
  const check = async () => {
    if (scope[embeddedRunKey] || injecting) return;
    if (!snapshotSelection(document, outside)) return;
    if (!toolbarAllowed(await embeddedSettingsItem.getValue(), location.hostname)) return;
    await inject().catch((error: unknown) => console.warn('[aside] could not load the selection toolbar', error));
  };
  const options = { signal: local.signal, capture: true, passive: true } as const;
  for (const type of ['mouseup', 'keyup', 'selectionchange'] as const) {
    document.addEventListener(type, () => void check(), options);
  }
  return async (request, sender) => {
    if (!scope[embeddedRunKey]) await inject();
    const run = scope[embeddedRunKey];
    if (!run) throw new Error('The selection toolbar did not load.');
    return run(request, sender);
  };
}

/** Called by the injected UI script: hands its handler to the watcher above. */
export function provideEmbeddedRun(handler: RunHandler): void {
  (globalThis as Scope)[embeddedRunKey] = handler;
}
