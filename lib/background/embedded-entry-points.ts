import { browser } from 'wxt/browser';
import { linkActionId, pageSummaryActionId } from '../actions/action-stream-protocol';
import { actionsFor, findAction } from '../actions/actions-store';
import { type CardAction, toCardAction } from '../actions/card-action';
import { issueLinkRequest } from '../actions/link-requests';
import { panelHandoffItem, quoteForComposer } from '../actions/panel-handoff';
import { actionLabel } from '../content/embedded/action-label';
import { resolveLocale, translator } from '../i18n/translate';
import { saveSelection } from '../library/save-selection';
import { callTab } from '../messaging/requests';
import { actionsItem, lastActionItem } from '../settings/secure-settings';
import { generalSettingsItem } from '../settings/storage-items';

const actionsMenuId = 'aside-actions';
const actionMenuPrefix = 'aside-action:';
export const summarizePageMenuId = 'aside-summarize-page';
export const askLinkMenuId = 'aside-ask-link';
export const runLastActionCommand = 'run-last-action';

/**
 * Embedded mode's browser entry points: the actions on the selection's
 * context menu, "Summarize this page", "Ask Aside about this link", and the
 * keyboard command that runs the last action. The work itself happens in the
 * page's card (the content script), which streams from the background.
 */
export function registerEmbeddedEntryPoints(): void {
  Object.assign(globalThis, {
    asideOnActionMenuClicked: onActionMenuClicked,
    asideOnEmbeddedCommand: onEmbeddedCommand,
  });
  browser.runtime.onInstalled.addListener(rebuildMenus);
  // Menu titles follow the user's actions and the UI language.
  actionsItem.watch(rebuildMenus);
  generalSettingsItem.watch(rebuildMenus);
  browser.contextMenus.onClicked.addListener((info, tab) => void onActionMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command) => void onEmbeddedCommand(command));
}

/** The keyboard command handler; also `globalThis.asideOnEmbeddedCommand` for E2E tests. */
export async function onEmbeddedCommand(command: string): Promise<void> {
  if (command !== runLastActionCommand) return;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const last = await findAction(await lastActionItem.getValue());
  if (tab?.id !== undefined && last?.enabled && last.kind === 'prompt')
    await run(tab.id, { action: toCardAction(last) });
}

let menusBuilt: Promise<void> = Promise.resolve();

/** Rebuilds run one after another: two at once would create the same menu ids twice. */
function rebuildMenus(): void {
  menusBuilt = menusBuilt.then(buildMenus).catch(logFailure);
}

async function buildMenus(): Promise<void> {
  const t = translator(resolveLocale((await generalSettingsItem.getValue()).uiLanguage, navigator.language));
  await Promise.all(
    [actionsMenuId, summarizePageMenuId, askLinkMenuId].map((id) => browser.contextMenus.remove(id).catch(() => {})),
  );
  browser.contextMenus.create({ id: actionsMenuId, title: 'Aside', contexts: ['selection'] });
  for (const action of await actionsFor('contextMenu')) {
    if (action.kind === 'save') continue; // the library's own "Save selection" entry already exists
    browser.contextMenus.create({
      id: actionMenuPrefix + action.id,
      parentId: actionsMenuId,
      title: actionLabel(action, t),
      contexts: ['selection'],
    });
  }
  browser.contextMenus.create({ id: summarizePageMenuId, title: t('embedded.summarizePage'), contexts: ['page'] });
  browser.contextMenus.create({ id: askLinkMenuId, title: t('embedded.askLink'), contexts: ['link'] });
}

interface MenuClick {
  readonly menuItemId: string | number;
  readonly selectionText?: string;
  readonly linkUrl?: string;
}

/**
 * The context-menu handler for Embedded mode. Also `globalThis.asideOnActionMenuClicked`
 * in the service worker, for E2E tests (headless Chromium opens no native menus).
 */
export async function onActionMenuClicked(info: MenuClick, tab?: { id?: number }): Promise<void> {
  const tabId = tab?.id;
  const id = String(info.menuItemId);
  if (tabId === undefined) return;
  if (id === summarizePageMenuId) return run(tabId, { action: builtinCardAction(pageSummaryActionId) });
  if (id === askLinkMenuId && info.linkUrl) {
    // The browser's menu click is the user's own choice of link: the card gets a token for it, never a URL to fetch.
    const link = await issueLinkRequest(tabId, info.linkUrl);
    return run(tabId, { action: builtinCardAction(linkActionId), link: { url: link.url, token: link.token } });
  }
  if (!id.startsWith(actionMenuPrefix)) return;
  const actionId = id.slice(actionMenuPrefix.length);
  if (actionId === 'ask') return askInPanel(tabId, info.selectionText ?? '');
  const action = await findAction(actionId);
  if (!action) return;
  if (action.kind === 'save') {
    await saveSelection(tabId).catch(logFailure);
    return;
  }
  return run(tabId, {
    action: toCardAction(action),
    ...(info.selectionText ? { selectionText: info.selectionText } : {}),
  });
}

/** The page's and the link's menu entries, which are not in the user's list of actions. */
function builtinCardAction(id: string): CardAction {
  return { id, name: id, icon: '', kind: 'prompt', builtin: true, needsInput: false };
}

async function run(
  tabId: number,
  request: { action: CardAction; selectionText?: string; link?: { url: string; token: string } },
) {
  await callTab(tabId, 'embedded.run', request).catch(logFailure);
}

/**
 * Opens the side panel with the selection quoted in the composer. `sidePanel.open`
 * must run while the user's click is still being handled: it is called first,
 * before anything awaits.
 */
export function askInPanel(tabId: number, selection: string): Promise<void> {
  const opening = openPanel(tabId);
  return Promise.all([opening, panelHandoffItem.setValue({ draft: quoteForComposer(selection), at: Date.now() })]).then(
    () => {},
  );
}

/** Opens Aside's side panel (Chrome) or sidebar (Firefox) on a tab; no-ops without a user gesture. */
export function openPanel(tabId: number): Promise<void> {
  const opened = browser.sidePanel
    ? browser.sidePanel.open({ tabId })
    : (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
  return Promise.resolve(opened).catch(logFailure);
}

function logFailure(error: unknown): void {
  console.warn('[aside] embedded action failed', error);
}
