import { storage } from 'wxt/utils/storage';
import { AsideError } from '../messaging/errors';

/**
 * Links the user asked Aside about through the browser's own context menu
 * ("Ask Aside about this link"). The menu click is a trusted gesture the
 * page cannot forge, so the background records the link under a random
 * token bound to that tab and hands the card only the token: a content script
 * can refer to a link the user picked, never name a URL of its own choosing.
 * Kept in `storage.session` (out of content scripts' reach), the newest few.
 */
export interface LinkRequest {
  readonly token: string;
  readonly tabId: number;
  readonly url: string;
}

const keep = 20;
const linkRequestsItem = storage.defineItem<LinkRequest[]>('session:linkRequests', { fallback: [] });

export async function issueLinkRequest(tabId: number, url: string): Promise<LinkRequest> {
  const request: LinkRequest = { token: crypto.randomUUID(), tabId, url };
  await linkRequestsItem.setValue([...(await linkRequestsItem.getValue()), request].slice(-keep));
  return request;
}

/** A link this tab's user picked; anything else is refused. */
export async function linkRequestOf(tabId: number | null, token: string): Promise<LinkRequest> {
  const request = (await linkRequestsItem.getValue()).find((candidate) => candidate.token === token);
  if (!request || (tabId !== null && request.tabId !== tabId)) {
    throw new AsideError('not-found', 'That link request is no longer available. Right-click the link again.');
  }
  return request;
}
