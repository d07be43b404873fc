/** The video sites whose watch pages Aside reads as transcripts. */
export type VideoSite = 'youtube' | 'bilibili';

const youtubeHosts = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com']);
const bilibiliHosts = new Set(['www.bilibili.com', 'bilibili.com', 'm.bilibili.com']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The site of a watch page address, or null: any other page, or a site's page that is not a video. */
export function videoSiteOf(url: string): VideoSite | null {
  if (youtubeVideoId(url)) return 'youtube';
  if (bilibiliVideoId(url)) return 'bilibili';
  return null;
}

/** A YouTube video id (11 characters) from `/watch?v=`, `/shorts/` or `/live/` on YouTube's own hosts. */
export function youtubeVideoId(url: string): string | null {
  const parsed = parse(url);
  if (parsed?.protocol !== 'https:' || !youtubeHosts.has(parsed.hostname)) return null;
  const id =
    parsed.pathname === '/watch'
      ? parsed.searchParams.get('v')
      : /^\/(?:shorts|live)\/([^/]+)/.exec(parsed.pathname)?.[1];
  return id && /^[\w-]{11}$/.test(id) ? id : null;
}

/** A Bilibili video (its BV id, or av number as `av123`) and part (`?p=2`) from `/video/…` on Bilibili's hosts. */
export function bilibiliVideoId(url: string): { id: string; part: number } | null {
  const parsed = parse(url);
  if (parsed?.protocol !== 'https:' || !bilibiliHosts.has(parsed.hostname)) return null;
  const id = /^\/video\/(BV[0-9A-Za-z]{10}|av\d{1,12})\/?$/i.exec(parsed.pathname)?.[1];
  if (!id) return null;
  const part = Number(parsed.searchParams.get('p') ?? '1');
  return { id, part: Number.isInteger(part) && part >= 1 ? part : 1 };
}
