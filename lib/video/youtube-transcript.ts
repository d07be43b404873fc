import { AsideError } from '../messaging/errors';
import { chooseTrack } from './caption-choice';
import { jsonAssignedTo } from './embedded-json';
import { fetchText, sameOriginUrl } from './page-fetch';
import { parseTimestamp } from './timestamps';
import type { Cue, Transcript } from './transcript';
import { parseYoutubeCaptions } from './youtube-captions';
import { type YoutubeVideo, youtubeVideoFrom } from './youtube-player-response';

const playerResponseName = 'ytInitialPlayerResponse';

/** The player response in the page's inline scripts, when it is this video's (YouTube navigates without reloading). */
function videoInPage(document: Document, videoId: string): YoutubeVideo | null {
  for (const script of document.querySelectorAll('script:not([src])')) {
    const source = script.textContent ?? '';
    if (!source.includes(playerResponseName)) continue;
    const video = youtubeVideoFrom(jsonAssignedTo(source, playerResponseName));
    if (video?.videoId === videoId) return video;
  }
  return null;
}

/** The watch page as YouTube serves it now, from the page's own origin with its cookies. */
async function videoFromWatchPage(document: Document, videoId: string): Promise<YoutubeVideo | null> {
  const url = new URL('/watch', document.location.href);
  url.searchParams.set('v', videoId);
  const html = await fetchText(url.href);
  const video = youtubeVideoFrom(jsonAssignedTo(html, playerResponseName));
  return video?.videoId === videoId ? video : null;
}

/** The transcript panel (… → Show transcript) when the user opened it: segments with their times. */
export function transcriptPanelCues(document: Document): Cue[] {
  return [...document.querySelectorAll('ytd-transcript-segment-renderer')].flatMap((segment) => {
    const start = parseTimestamp(segment.querySelector('.segment-timestamp')?.textContent ?? '');
    const text = segment.querySelector('.segment-text')?.textContent?.trim() ?? '';
    return start === undefined || !text ? [] : [{ start, text }];
  });
}

/**
 * A YouTube video's transcript, read by the content script from its own
 * page: the player response (`ytInitialPlayerResponse`, in the page or
 * fetched again from the watch page) lists the caption tracks; the chosen
 * track's `baseUrl` (on the page's origin) is fetched as json3. When the
 * track comes back empty (YouTube may require a token the player adds), the
 * transcript panel's segments are read if the user opened it.
 */
export async function readYoutubeTranscript(
  document: Document,
  videoId: string,
  preferredLanguage: string | null,
): Promise<Transcript> {
  const video = videoInPage(document, videoId) ?? (await videoFromWatchPage(document, videoId));
  if (!video) throw new AsideError('video-captions-failed', 'The watch page did not describe the video.');
  const base = {
    site: 'youtube' as const,
    title: video.title || document.title,
    channel: video.channel,
    description: video.description,
    durationSec: video.durationSec,
  };
  const track = chooseTrack(video.tracks, preferredLanguage, video.defaultTrack);
  const panel = transcriptPanelCues(document);
  if (!track) {
    if (panel.length > 0) return { ...base, language: 'und', languageName: null, automatic: false, cues: panel };
    throw new AsideError('video-no-captions', 'This video has no captions.');
  }
  const captionUrl = sameOriginUrl(track.baseUrl, document.location.href);
  captionUrl.searchParams.set('fmt', 'json3');
  const cues = parseYoutubeCaptions(await fetchText(captionUrl.href)) ?? [];
  const found = cues.length > 0 ? cues : panel;
  if (found.length === 0) {
    throw new AsideError('video-captions-failed', 'The caption track came back empty.', {
      detail: 'YouTube sent no captions for this track. Open the transcript (… → Show transcript) and try again.',
    });
  }
  return { ...base, language: track.language, languageName: track.name, automatic: track.automatic, cues: found };
}
