import { describe, expect, it } from 'vitest';
import { unreadableReason } from './unreadable-reason';

describe('unreadableReason', () => {
  it('lets ordinary web pages through', () => {
    expect(unreadableReason('https://example.com/a')).toBeUndefined();
    expect(unreadableReason('http://127.0.0.1:8080/')).toBeUndefined();
  });

  it.each([
    ['chrome://settings/', 'Browser pages'],
    ['edge://newtab/', 'Browser pages'],
    ['about:blank', 'Browser pages'],
    ['chrome-extension://abc/options.html', 'Browser pages'],
    ['https://chromewebstore.google.com/detail/x', 'extension store'],
    ['https://chrome.google.com/webstore/category', 'extension store'],
    [undefined, 'no page'],
  ])('explains why %s cannot be read', (url, reason) => {
    expect(unreadableReason(url)).toContain(reason);
  });
});
