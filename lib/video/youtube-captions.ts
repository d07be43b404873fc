import { z } from 'zod';
import type { Cue } from './transcript';

const json3Schema = z.object({
  events: z
    .array(
      z.object({
        tStartMs: z.number().nonnegative().optional(),
        dDurationMs: z.number().nonnegative().optional(),
        segs: z.array(z.object({ utf8: z.string().max(10_000).optional() })).optional(),
      }),
    )
    .max(100_000),
});

/** YouTube's `fmt=json3` captions: events with a start and duration in ms, their text in segments. */
export function parseJson3(body: string): Cue[] | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = json3Schema.safeParse(data);
  if (!parsed.success) return null;
  return parsed.data.events.flatMap((event) => {
    const text = (event.segs ?? []).map((seg) => seg.utf8 ?? '').join('');
    if (!text.trim() || event.tStartMs === undefined) return [];
    const start = event.tStartMs / 1000;
    return [{ start, ...(event.dDurationMs ? { end: start + event.dDurationMs / 1000 } : {}), text }];
  });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** XML entities (named and numeric) decoded; tags inside a caption (`<s>`, `<font>`) dropped. */
function xmlText(raw: string): string {
  return raw.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] !== '#') return entities[name.toLowerCase()] ?? match;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? undefined;

/**
 * YouTube's XML captions: the classic `<text start="1.5" dur="2">` (seconds)
 * or format 3's `<p t="1500" d="2000">` (ms, words in `<s>`). Read with
 * patterns, not a DOM, so the same code runs in the page and in tests.
 */
export function parseCaptionXml(body: string): Cue[] | null {
  const cues: Cue[] = [];
  let seen = false;
  for (const match of body.matchAll(/<(text|p)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    seen = true;
    const [, tag, attributes = '', inner = ''] = match;
    const seconds = tag === 'text';
    const start = Number(attribute(attributes, seconds ? 'start' : 't'));
    const duration = Number(attribute(attributes, seconds ? 'dur' : 'd') ?? Number.NaN);
    const text = xmlText(xmlText(inner));
    if (!Number.isFinite(start) || !text.trim()) continue;
    const scale = seconds ? 1 : 1000;
    cues.push({
      start: start / scale,
      ...(Number.isFinite(duration) ? { end: (start + duration) / scale } : {}),
      text,
    });
  }
  return seen || /<(transcript|timedtext)\b/.test(body) ? cues : null;
}

/** Captions in either format (json3 asked for, XML when the server ignores `fmt`); null when neither. */
export function parseYoutubeCaptions(body: string): Cue[] | null {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) return parseJson3(trimmed);
  if (trimmed.startsWith('<')) return parseCaptionXml(trimmed);
  return null;
}
