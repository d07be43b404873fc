import type { VideoSite } from './video-site';

const two = (n: number) => String(n).padStart(2, '0');

/** A time in a video as the transcript and answers show it: `mm:ss`, or `h:mm:ss` from an hour on. */
export function formatTimestamp(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

const timestampPattern = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/;

/** The seconds of `mm:ss`, `m:ss` or `h:mm:ss`; undefined for anything else (minutes and seconds below 60). */
export function parseTimestamp(text: string): number | undefined {
  const match = timestampPattern.exec(text.trim());
  if (!match) return undefined;
  const [, h, m, s] = match;
  const minutes = Number(m);
  const secs = Number(s);
  if (secs >= 60 || (h !== undefined && minutes >= 60)) return undefined;
  return Number(h ?? 0) * 3600 + minutes * 60 + secs;
}

/**
 * The watch page's address at a moment: YouTube's `&t=…s` (`?v=ID&t=75s`),
 * Bilibili's `?t=…` (seconds). Other parameters stay; a fragment goes.
 */
export function timestampUrl(videoUrl: string, site: VideoSite, seconds: number): string {
  const url = new URL(videoUrl);
  url.hash = '';
  const whole = Math.max(0, Math.floor(seconds));
  url.searchParams.set('t', site === 'youtube' ? `${whole}s` : String(whole));
  return url.href;
}
