import { contentHash } from '../library/page-record';
import { savePageRecord } from '../library/save-page';
import { fileRecordUrl } from './file-record-url';
import type { LocalFile } from './local-file';

/**
 * Saves a local file the panel read into the library, as a page whose title is
 * the file name and which has no URL (file-record-url.ts). Background only:
 * the background writes the database. A PDF's Markdown keeps its `[Page N]`
 * markers, so its chunks keep their pages.
 */
export async function saveLocalFile(file: LocalFile) {
  const url = fileRecordUrl(file.name, await contentHash(file.markdown));
  const pages = file.pages === undefined ? {} : { pages: file.pages, pagesRead: file.pagesRead ?? file.pages };
  const { outcome, page } = await savePageRecord({
    url,
    title: file.name,
    byline: null,
    siteName: null,
    lang: file.lang,
    excerpt: null,
    markdown: file.markdown,
    method: 'file',
    cutAtCapture: file.cut,
    kind: { kind: 'file', format: file.format, ...pages },
  });
  return { outcome, id: page.id, title: page.title };
}
