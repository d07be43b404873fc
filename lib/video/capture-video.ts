import type { CapturedPage } from '../capture/page-context';
import { generalSettingsItem } from '../settings/storage-items';
import { readBilibiliTranscript } from './bilibili-transcript';
import { type Transcript, transcriptDuration, transcriptMarkdown } from './transcript';
import { bilibiliVideoId, youtubeVideoId } from './video-site';
import { readYoutubeTranscript } from './youtube-transcript';

/** The user's language for captions: the UI language they chose, else the browser's. */
async function preferredLanguage(): Promise<string> {
  const choice = (await generalSettingsItem.getValue().catch(() => null))?.uiLanguage ?? 'auto';
  return choice === 'auto' ? navigator.language : choice;
}

/** A transcript as a capture: its Markdown, and the kind that makes the bar say "Transcript, 12:34". */
export function transcriptCapture(transcript: Transcript, url: string): CapturedPage {
  return {
    url,
    title: transcript.title,
    byline: transcript.channel,
    siteName: transcript.site === 'youtube' ? 'YouTube' : 'Bilibili',
    lang: transcript.language.replace(/^ai-/, ''),
    excerpt: transcript.description?.slice(0, 300) ?? null,
    markdown: transcriptMarkdown(transcript),
    method: 'transcript',
    cutAtCapture: false,
    kind: {
      kind: 'transcript',
      site: transcript.site,
      durationSec: Math.round(transcriptDuration(transcript)),
      language: transcript.language,
    },
  };
}

/**
 * This page's video transcript when it is a YouTube or Bilibili watch page
 * (null for any other page, which is captured as usually). Throws
 * `video-no-captions` or `video-captions-failed`: a watch page never falls
 * back to its surrounding text, which would send comments and
 * recommendations as if they were the video.
 */
export async function captureVideo(document: Document): Promise<CapturedPage | null> {
  const url = document.location.href;
  const youtube = youtubeVideoId(url);
  if (youtube) {
    return transcriptCapture(await readYoutubeTranscript(document, youtube, await preferredLanguage()), url);
  }
  const bilibili = bilibiliVideoId(url);
  if (bilibili) {
    return transcriptCapture(await readBilibiliTranscript(document, bilibili, await preferredLanguage()), url);
  }
  return null;
}
