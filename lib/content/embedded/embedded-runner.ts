import type { TabRequests } from '../../messaging/protocol';
import { callBackground, type Handlers } from '../../messaging/requests';
import { embeddedRun } from './lazy-embedded';

type RunHandler = Handlers<TabRequests>['embedded.run'];

/**
 * The page tools' `embedded.run` (a context-menu or keyboard run): loads the
 * toolbar and card script into this frame when the user has not selected
 * anything yet, then hands the run to it.
 */
export function embeddedRunner(): RunHandler {
  let injecting: Promise<unknown> | null = null;
  return async (request, sender) => {
    if (!embeddedRun()) {
      injecting ??= callBackground('embedded.injectUi', {});
      await injecting;
    }
    const run = embeddedRun();
    if (!run) throw new Error('The selection toolbar did not load.');
    return run(request, sender);
  };
}
