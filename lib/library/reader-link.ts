/**
 * The reader view's address inside the extension: a saved item by id, and the
 * passage to highlight. In the fragment, so nothing of it is ever sent anywhere
 * (an extension page makes no request for it anyway) and long passages fit.
 */
export function readerPath(pageId: string, passage?: string): string {
  const params = new URLSearchParams({ id: pageId });
  if (passage) params.set('passage', passage.slice(0, 2000));
  return `/reader.html#${params.toString()}`;
}

/** What the reader's fragment asks for. */
export function readReaderHash(hash: string): { id: string | null; passage: string | null } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { id: params.get('id'), passage: params.get('passage') };
}
