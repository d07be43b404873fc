/** A caption track as both sites list them, reduced to what the choice needs. */
export interface TrackChoice {
  /** The track's language tag (`en`, `en-US`, `zh-Hans`, `ai-zh`). */
  readonly language: string;
  /** Made by speech recognition (YouTube's `kind: "asr"`, Bilibili's `ai-` tracks). */
  readonly automatic: boolean;
}

/** `zh-CN`, `zh-Hans`, `zh`, `ai-zh` all say Chinese; `en-US`, `en` English. */
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().replace(/^ai-/, '').split(/[-_]/)[0] as string;
}

/**
 * The track to read: one in the user's language (written by someone before
 * automatic), else the site's default, else one in the video's original
 * language (the spoken one, which automatic captions transcribe), else the
 * first. `preferred` is the user's language tag, `defaultIndex` the
 * track the site itself would show first, when it says.
 */
export function chooseTrack<T extends TrackChoice>(
  tracks: readonly T[],
  preferred: string | null,
  defaultIndex?: number,
): T | undefined {
  if (preferred) {
    const wanted = baseLanguage(preferred);
    const matching = tracks.filter((track) => baseLanguage(track.language) === wanted);
    const pick = matching.find((track) => !track.automatic) ?? matching[0];
    if (pick) return pick;
  }
  const byDefault = defaultIndex !== undefined ? tracks[defaultIndex] : undefined;
  if (byDefault) return byDefault;
  const spoken = tracks.find((track) => track.automatic);
  if (!spoken) return tracks[0];
  const original = baseLanguage(spoken.language);
  return tracks.find((track) => !track.automatic && baseLanguage(track.language) === original) ?? spoken;
}
