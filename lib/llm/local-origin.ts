import { browser } from 'wxt/browser';

const ruleId = 1;

/**
 * Ollama (and some other local servers) answer 403 to requests whose Origin is
 * `chrome-extension://…` unless the user set OLLAMA_ORIGINS. Requests that
 * Aside itself sends to localhost get a localhost Origin instead, so local
 * models work out of the box. Pages' own requests are untouched: the rule only
 * matches requests initiated by this extension.
 */
export async function installLocalOriginRule(): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  if (!dnr?.updateDynamicRules) return;
  const extensionHost = new URL(browser.runtime.getURL('/')).host;
  await dnr.updateDynamicRules({
    removeRuleIds: [ruleId],
    addRules: [
      {
        id: ruleId,
        priority: 1,
        action: {
          type: 'modifyHeaders',
          requestHeaders: [{ header: 'origin', operation: 'set', value: 'http://127.0.0.1' }],
        },
        condition: {
          requestDomains: ['localhost', '127.0.0.1'],
          initiatorDomains: [extensionHost],
          resourceTypes: ['xmlhttprequest', 'other'],
        },
      },
    ],
  });
}
