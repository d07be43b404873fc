import type { CapturedPage } from '../capture/page-context';
import { bilibiliVideoId, youtubeVideoId } from './video-site';

/** Tabs whose last video's transcript is kept: a few, since each is one video's captions. */
const maxTabs = 8;

/** Per tab: the video (and caption language) read last, and its reading, finished or under way. */
const readings = new Map<number, { readonly key: string; readonly page: Promise<CapturedPage> }>();

/**
 * What a tab's transcript is kept under: the video its address names (site,
 * id, Bilibili part) and the language captions are chosen for; null for a
 * page that is not a watch page. Taken from the tab's address as the browser
 * reports it, never from the page.
 */
export function transcriptKey(url: string, language: string): string | null {
  const youtube = youtubeVideoId(url);
  if (youtube) return `youtube:${youtube}:${language}`;
  const bilibili = bilibiliVideoId(url);
  return bilibili ? `bilibili:${bilibili.id}:${bilibili.part}:${language}` : null;
}

/**
 * A watch page's transcript, read once per tab and video: the context bar's
 * preview reads it, and the question sent after it (or a second preview
 * asked while the first is still reading) gets the same transcript instead of
 * fetching the captions again. Another video in the tab (or another caption
 * language) reads anew; a failed reading, or a page that turned out not to be
 * a transcript, is not kept, so "Try again" really tries again.
 */
export function readTranscriptOnce(tabId: number, key: string, read: () => Promise<CapturedPage>) {
  const kept = readings.get(tabId);
  if (kept?.key === key) return kept.page;
  const page = read();
  readings.delete(tabId);
  readings.set(tabId, { key, page });
  // The oldest tab goes first (a Map iterates in insertion order).
  for (const tab of readings.keys()) if (readings.size > maxTabs) readings.delete(tab);
  page.then(
    (captured) => {
      if (captured.kind?.kind !== 'transcript') forgetTranscript(tabId, key);
    },
    () => forgetTranscript(tabId, key),
  );
  return page;
}

/** Drops a tab's kept transcript, if it is still the one for `key` (the tab moved on, or it failed). */
export function forgetTranscript(tabId: number, key: string): void {
  if (readings.get(tabId)?.key === key) readings.delete(tabId);
}

/** Forgets every kept transcript (tests start from nothing). */
export function forgetAllTranscripts(): void {
  readings.clear();
}
