import { z } from 'zod';
import type { TrackChoice } from './caption-choice';
import type { Cue } from './transcript';

const text = z.string().max(100_000);
const id = z.number().int().nonnegative();

/** The parts of the watch page's `window.__INITIAL_STATE__` Aside reads; the page wrote it, so each is checked. */
const initialStateSchema = z.object({
  videoData: z.object({
    bvid: z.string().max(20),
    aid: id,
    cid: id,
    title: text.optional(),
    desc: text.optional(),
    duration: z.number().nonnegative().optional(),
    owner: z.object({ name: text.optional() }).optional(),
    pages: z
      .array(z.object({ cid: id, page: id, part: text.optional(), duration: z.number().nonnegative().optional() }))
      .max(5000)
      .optional(),
  }),
});

/** A Bilibili video (one part of it) as its watch page describes it. */
export interface BilibiliVideo {
  readonly bvid: string;
  readonly aid: number;
  readonly cid: number;
  readonly title: string;
  readonly channel: string | null;
  readonly description: string | null;
  readonly durationSec: number;
}

/** The video in the page state, for part `part` (1-based); null when the state is not a video's. */
export function bilibiliVideoFrom(state: unknown, part: number): BilibiliVideo | null {
  const parsed = initialStateSchema.safeParse(state);
  if (!parsed.success) return null;
  const video = parsed.data.videoData;
  const page = video.pages?.find((p) => p.page === part) ?? video.pages?.[0];
  const partTitle = page?.part && (video.pages?.length ?? 0) > 1 ? ` (${page.part})` : '';
  return {
    bvid: video.bvid,
    aid: video.aid,
    cid: page?.cid ?? video.cid,
    title: `${video.title ?? ''}${partTitle}`,
    channel: video.owner?.name ?? null,
    description: video.desc?.trim() && video.desc.trim() !== '-' ? video.desc : null,
    durationSec: page?.duration ?? video.duration ?? 0,
  };
}

const playerSchema = z.object({
  code: z.number(),
  data: z
    .object({
      subtitle: z
        .object({
          subtitles: z
            .array(
              z.object({
                lan: z.string().max(40),
                lan_doc: text.optional(),
                subtitle_url: z.string().max(4096),
              }),
            )
            .max(200)
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

/** A subtitle track of a Bilibili video. */
export interface BilibiliTrack extends TrackChoice {
  readonly url: string;
  readonly name: string | null;
}

/**
 * The subtitle tracks in the player API's answer (`/x/player/wbi/v2`); the
 * list is empty for a visitor who is not signed in. Null when the answer is
 * not the API's (or its `code` reports an error).
 */
export function bilibiliTracksFrom(playerAnswer: unknown): BilibiliTrack[] | null {
  const parsed = playerSchema.safeParse(playerAnswer);
  if (!parsed.success || parsed.data.code !== 0) return null;
  return (parsed.data.data?.subtitle?.subtitles ?? [])
    .filter((track) => track.subtitle_url.length > 0)
    .map((track) => ({
      url: track.subtitle_url,
      language: track.lan,
      automatic: track.lan.startsWith('ai-'),
      name: track.lan_doc ?? null,
    }));
}

const subtitleSchema = z.object({
  body: z
    .array(z.object({ from: z.number().nonnegative(), to: z.number().nonnegative(), content: z.string().max(10_000) }))
    .max(100_000),
});

/** A Bilibili subtitle file: `body[{from, to, content}]`, times in seconds. Null when it is not one. */
export function parseBilibiliSubtitle(body: string): Cue[] | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = subtitleSchema.safeParse(data);
  if (!parsed.success) return null;
  return parsed.data.body.map((line) => ({ start: line.from, end: line.to, text: line.content }));
}
