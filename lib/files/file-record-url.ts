/**
 * A local file saved to the library has no address; its record still needs a
 * unique key (pages are one per URL, clips attach by it). This one is built
 * from the file's name and the SHA-256 of its text, so saving the same file
 * again finds its record, and it can never be opened as a web address.
 */
const prefix = 'urn:aside-file:';

export function fileRecordUrl(name: string, textHash: string): string {
  return `${prefix}${textHash.slice(0, 32)}/${encodeURIComponent(name)}`;
}

/** True for the key of a saved local file: citations of it open the reader, not a URL. */
export function isFileRecordUrl(url: string): boolean {
  return url.startsWith(prefix);
}
