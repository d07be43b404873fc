/** Why Aside cannot read a URL, or undefined when it can try. */
export function unreadableReason(url: string | undefined): string | undefined {
  if (!url) return 'This tab has no page loaded.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no page loaded.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'file:') {
    return `Browser pages (${parsed.protocol}) cannot be read by extensions.`;
  }
  if (
    parsed.hostname === 'chromewebstore.google.com' ||
    (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))
  ) {
    return 'The browser does not let extensions read the extension store.';
  }
  return undefined;
}
