import { AsideError } from '../messaging/errors';
import { type BilibiliVideo, bilibiliTracksFrom, bilibiliVideoFrom, parseBilibiliSubtitle } from './bilibili-data';
import { chooseTrack } from './caption-choice';
import { jsonAssignedTo } from './embedded-json';
import { fetchText, httpsUrlOn } from './page-fetch';
import type { Transcript } from './transcript';

const stateName = '__INITIAL_STATE__';
/** The player API, and the hosts Bilibili serves subtitle files from. */
const playerApi = 'https://api.bilibili.com/x/player/wbi/v2';
const subtitleHosts = ['hdslb.com', 'bilibili.com'];

const matches = (video: BilibiliVideo, id: string) =>
  video.bvid.toLowerCase() === id.toLowerCase() || `av${video.aid}` === id.toLowerCase();

function videoInPage(document: Document, id: string, part: number): BilibiliVideo | null {
  for (const script of document.querySelectorAll('script:not([src])')) {
    const source = script.textContent ?? '';
    if (!source.includes(stateName)) continue;
    const video = bilibiliVideoFrom(jsonAssignedTo(source, stateName), part);
    if (video && matches(video, id)) return video;
  }
  return null;
}

/** The watch page as Bilibili serves it now (the tab may have moved to another video without reloading). */
async function videoFromWatchPage(document: Document, id: string, part: number): Promise<BilibiliVideo | null> {
  const url = new URL(`/video/${id}/`, document.location.href);
  if (part > 1) url.searchParams.set('p', String(part));
  const video = bilibiliVideoFrom(jsonAssignedTo(await fetchText(url.href), stateName), part);
  return video && matches(video, id) ? video : null;
}

/**
 * A Bilibili video's subtitles, read by the content script from its own page:
 * the page state (`window.__INITIAL_STATE__`) gives the video's aid and cid;
 * the player API lists the subtitle tracks (for signed-in visitors: the
 * request carries the page's cookies, as the player's own does); the chosen
 * track's JSON (`body[{from, to, content}]`) is fetched from Bilibili's
 * subtitle host.
 */
export async function readBilibiliTranscript(
  document: Document,
  video: { id: string; part: number },
  preferredLanguage: string | null,
): Promise<Transcript> {
  const found =
    videoInPage(document, video.id, video.part) ?? (await videoFromWatchPage(document, video.id, video.part));
  if (!found) throw new AsideError('video-captions-failed', 'The watch page did not describe the video.');
  const api = new URL(playerApi);
  api.searchParams.set('aid', String(found.aid));
  api.searchParams.set('cid', String(found.cid));
  let answer: unknown;
  try {
    answer = JSON.parse(await fetchText(api.href, 'include'));
  } catch (error) {
    if (error instanceof AsideError) throw error;
    throw new AsideError('video-captions-failed', 'The player API did not answer in JSON.');
  }
  const tracks = bilibiliTracksFrom(answer);
  if (!tracks) throw new AsideError('video-captions-failed', 'The player API reported an error.');
  const track = chooseTrack(tracks, preferredLanguage);
  if (!track) throw new AsideError('video-no-captions', 'This video has no subtitles.');
  const subtitleUrl = httpsUrlOn(track.url, subtitleHosts);
  const cues = parseBilibiliSubtitle(await fetchText(subtitleUrl.href, 'omit'));
  if (!cues || cues.length === 0) {
    throw new AsideError('video-captions-failed', 'The subtitle file was empty or not a subtitle file.');
  }
  return {
    site: 'bilibili',
    title: found.title || document.title,
    channel: found.channel,
    description: found.description,
    durationSec: found.durationSec,
    language: track.language,
    languageName: track.name,
    automatic: track.automatic,
    cues,
  };
}
