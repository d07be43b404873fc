import { capturePage } from '../capture/capture-page';
import type { CapturedPage } from '../capture/page-context';

/**
 * A saved web page (.html) as Markdown, exactly as a page in a tab is
 * captured: Readability's article when there is one, else the visible text.
 * DOMParser's document is inert (no script runs, nothing loads), which is all
 * capture needs. Links stay as the file wrote them, when absolute.
 */
export function htmlFileToMarkdown(html: string): Pick<CapturedPage, 'markdown' | 'lang' | 'method'> {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const { markdown, lang, method } = capturePage(document);
  return { markdown, lang, method };
}
