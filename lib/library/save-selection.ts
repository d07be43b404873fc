import { browser } from 'wxt/browser';
import { db } from '../db/database';
import { writeOrExplainQuota } from '../db/quota';
import type { ClipRecord } from '../db/records';
import { AsideError } from '../messaging/errors';
import { callTab } from '../messaging/requests';
import { sameSite } from '../tabs/same-site';
import { pageTerms } from './page-record';
import { saveTab } from './save-tab';

/**
 * Saves the selection in a tab as a clip, with its paragraph and headings,
 * and saves its page too (if not yet in the library), so the clip has a home.
 * The clip is attached to the page record just saved, by the URL the
 * background checked, not by the URL the content script reports.
 */
export async function saveSelection(tabId: number): Promise<{ clipId: string; pageId: string }> {
  // Saving the page first also injects the content script into tabs that predate Aside.
  const { id: pageId, url: pageUrl } = await saveTab(tabId);
  const selection = await callTab(tabId, 'page.selection', {});
  if (!selection) throw new AsideError('not-found', 'Nothing is selected on the page.');
  // A selection from a page the tab went to after the save belongs to another site.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url || !sameSite(tab.url, pageUrl)) {
    throw new AsideError('page-unreadable', 'The page changed while Aside was reading it.', {
      detail: 'The tab went to another site while Aside was saving the selection. Try again.',
    });
  }
  const page = await db().pages.get(pageId);
  const clip: ClipRecord = {
    id: crypto.randomUUID(),
    pageUrl: page?.url ?? pageUrl,
    text: selection.text,
    paragraph: selection.paragraph,
    headingPath: selection.headingPath,
    savedAt: Date.now(),
  };
  await writeOrExplainQuota(() =>
    db().transaction('rw', db().pages, db().clips, async () => {
      await db().clips.add(clip);
      // The clip's words join its page's search terms.
      const clips = await db().clips.where('pageUrl').equals(clip.pageUrl).toArray();
      if (page) await db().pages.update(page.id, { terms: pageTerms(page, clips) });
    }),
  );
  return { clipId: clip.id, pageId };
}
