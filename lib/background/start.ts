import { browser } from 'wxt/browser';
import { runAction } from '../actions/run-action';
import { mirrorToolbarActions } from '../actions/toolbar-mirror';
import { runAgent } from '../agent/run-agent';
import { markInterruptedRuns } from '../agent/run-store';
import { runTeam } from '../agent/teams/run-team';
import { runChatTurn } from '../chat/run-chat-turn';
import { installLocalOriginRule } from '../llm/local-origin';
import { serveStreams } from '../messaging/streams';
import { startIngest } from '../rag/ingest-service';
import { syncAutoSaveHint } from './auto-save';
import { registerEmbeddedEntryPoints } from './embedded-entry-points';
import { toggleSidebarFromToolbar } from './firefox-sidebar';
import { markInterruptedAnswers } from './interrupted-answers';
import { serveBackgroundHandlers } from './request-handlers';
import { registerSaveEntryPoints } from './save-entry-points';

/**
 * Wires every background service. Listeners are registered synchronously, as
 * MV3 requires, so a service worker woken by a message finds them in place.
 */
export function startBackground(): void {
  const startedAt = Date.now();
  serveBackgroundHandlers();
  serveStreams({ chat: runChatTurn, agent: runAgent, action: runAction, team: runTeam });
  registerSaveEntryPoints();
  registerEmbeddedEntryPoints();
  // The toolbar icon opens the side panel on Chrome and toggles the sidebar on Firefox.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(logStartupError);
  toggleSidebarFromToolbar();
  installLocalOriginRule().catch(logStartupError);
  markInterruptedAnswers(startedAt).catch(logStartupError);
  startIngest();
  syncAutoSaveHint();
  mirrorToolbarActions();
  markInterruptedRuns(startedAt).catch(logStartupError);
}

function logStartupError(error: unknown): void {
  console.warn('[aside] startup step failed', error);
}
