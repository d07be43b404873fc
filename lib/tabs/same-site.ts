/**
 * Whether two URLs are on the same web origin; URLs without one (file:) must
 * name the same document. Used to tell that a tab is still on the site it
 * showed when Aside started reading it.
 */
export function sameSite(a: string, b: string): boolean {
  try {
    const first = new URL(a);
    const second = new URL(b);
    if (first.origin !== 'null') return first.origin === second.origin;
    first.hash = '';
    second.hash = '';
    return first.href === second.href;
  } catch {
    return false;
  }
}
