import type { TabRequests } from '../../messaging/protocol';

/**
 * The names of the requests a tab's content script answers, without their
 * schemas (a unit test keeps this list equal to `tabRequests`' keys).
 */
export const tabRequestTypes = [
  'page.capture',
  'page.selection',
  'search.readResults',
  'embedded.run',
] as const satisfies readonly (keyof TabRequests)[];
