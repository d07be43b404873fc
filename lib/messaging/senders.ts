import { type Browser, browser } from 'wxt/browser';

/**
 * Who sent a message or opened a port, as the browser (not the message) tells
 * it. A content script runs in the page's process: if that process is
 * compromised the attacker *is* the content script, so it is a kind of its
 * own, trusted only to act on the tab it lives in.
 */
export type SenderKind = 'extensionPage' | 'contentScript' | 'offscreen' | 'background';

/** Aside's own pages: the side panel and the options page. */
export interface ExtensionPageSender {
  readonly kind: 'extensionPage';
  readonly url: string;
}

/** A content script; its tab and frame come from the browser, never from the payload. */
export interface ContentScriptSender {
  readonly kind: 'contentScript';
  readonly tabId: number;
  readonly frameId: number;
  /** The document's URL as the browser reports it. */
  readonly url: string;
  readonly tab: Browser.tabs.Tab;
}

/** The offscreen document that hosts the embedder (Chrome). */
export interface OffscreenSender {
  readonly kind: 'offscreen';
}

/** The background service worker (or Firefox's background page). */
export interface BackgroundSender {
  readonly kind: 'background';
}

export type Sender = ExtensionPageSender | ContentScriptSender | OffscreenSender | BackgroundSender;
export type SenderOf<K extends SenderKind> = Extract<Sender, { kind: K }>;

/** Extension pages that may send requests; the sandbox page has no extension APIs at all. */
const extensionPages = new Set(['/sidepanel.html', '/options.html']);
const offscreenPage = '/offscreen.html';
/** Chrome's service worker script, and the page Firefox generates for an MV2 background script. */
const backgroundPages = new Set(['/background.js', '/_generated_background_page.html']);

/**
 * Classifies a sender, or returns null for anything Aside does not know
 * (another extension, an unknown page of ours, a frame without a tab).
 */
export function identifySender(sender: Browser.runtime.MessageSender | undefined): Sender | null {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return null;
  const ownOrigin = browser.runtime.getURL('/');
  if (sender.url.startsWith(ownOrigin)) {
    const path = new URL(sender.url).pathname;
    if (path === offscreenPage) return { kind: 'offscreen' };
    if (backgroundPages.has(path)) return { kind: 'background' };
    if (extensionPages.has(path)) return { kind: 'extensionPage', url: sender.url };
    return null;
  }
  const tab = sender.tab;
  if (tab?.id === undefined || tab.id < 0) return null;
  return { kind: 'contentScript', tabId: tab.id, frameId: sender.frameId ?? 0, url: sender.url, tab };
}
