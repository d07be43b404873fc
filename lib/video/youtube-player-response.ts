import { z } from 'zod';
import type { TrackChoice } from './caption-choice';

const text = z.string().max(100_000);

/** The parts of YouTube's player response Aside reads; the page wrote it, so each is checked. */
const playerResponseSchema = z.object({
  videoDetails: z
    .object({
      videoId: z.string().max(20),
      title: text.optional(),
      author: text.optional(),
      shortDescription: text.optional(),
      lengthSeconds: z.string().max(12).optional(),
    })
    .optional(),
  captions: z
    .object({
      playerCaptionsTracklistRenderer: z
        .object({
          captionTracks: z
            .array(
              z.object({
                baseUrl: z.string().max(4096),
                languageCode: z.string().max(40),
                kind: z.string().max(20).optional(),
                name: z
                  .object({
                    simpleText: text.optional(),
                    runs: z.array(z.object({ text })).max(20).optional(),
                  })
                  .optional(),
              }),
            )
            .max(500)
            .optional(),
          audioTracks: z
            .array(z.object({ defaultCaptionTrackIndex: z.number().int().nonnegative().optional() }))
            .max(50)
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

/** A caption track of a YouTube video. */
export interface YoutubeTrack extends TrackChoice {
  readonly baseUrl: string;
  readonly name: string | null;
}

/** What the watch page says about the video and its caption tracks. */
export interface YoutubeVideo {
  readonly videoId: string;
  readonly title: string;
  readonly channel: string | null;
  readonly description: string | null;
  readonly durationSec: number;
  readonly tracks: readonly YoutubeTrack[];
  /** The track YouTube's player would show first, when it says. */
  readonly defaultTrack?: number;
}

/** The player response (`ytInitialPlayerResponse`) read as a video; null when it is not one. */
export function youtubeVideoFrom(playerResponse: unknown): YoutubeVideo | null {
  const parsed = playerResponseSchema.safeParse(playerResponse);
  if (!parsed.success || !parsed.data.videoDetails) return null;
  const details = parsed.data.videoDetails;
  const list = parsed.data.captions?.playerCaptionsTracklistRenderer;
  const tracks = (list?.captionTracks ?? []).map((track) => ({
    baseUrl: track.baseUrl,
    language: track.languageCode,
    automatic: track.kind === 'asr',
    name: track.name?.simpleText ?? track.name?.runs?.map((run) => run.text).join('') ?? null,
  }));
  const defaultTrack = list?.audioTracks?.[0]?.defaultCaptionTrackIndex;
  return {
    videoId: details.videoId,
    title: details.title ?? '',
    channel: details.author ?? null,
    description: details.shortDescription ?? null,
    durationSec: Number(details.lengthSeconds ?? 0) || 0,
    tracks,
    ...(defaultTrack !== undefined ? { defaultTrack } : {}),
  };
}
