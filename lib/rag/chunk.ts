import { isPageMarker, pageAt } from '../capture/page-markers';
import { isBylineBlock } from './byline-block';
import { markdownBlocks } from './markdown-blocks';
import { estimateTokens, pieceTokens, tokenPieces } from './tokens';

/**
 * A passage of a saved page. `text === markdown.slice(start, end)` exactly:
 * the offsets point into PageRecord.markdown, so a citation can find the
 * passage again. Heading lines are not part of the text; `headingPath` holds
 * the headings above it (outermost first).
 */
export interface Chunk {
  ordinal: number;
  text: string;
  headingPath: string[];
  start: number;
  end: number;
  /** The PDF page the chunk starts on (1-based), from the `[Page N]` markers; absent for web pages. */
  page?: number;
}

export interface ChunkOptions {
  /** Budget per chunk in approximate model tokens (see estimateTokens). Default 200. */
  maxTokens?: number;
  /** Tokens of the previous chunk repeated at the start of the next one, within a section. Default 30. */
  overlapTokens?: number;
  /**
   * The Markdown is a PDF's, with `[Page N]` marker lines (lib/capture/page-markers.ts): markers are not
   * text, and each chunk records the page it starts on. Off for web pages, whose text could hold such a line.
   */
  pageMarkers?: boolean;
  /** The page's byline as Readability identified it: a paragraph that is only the byline is not text. */
  byline?: string | null;
}

/** An unsplittable stretch of text: a sentence, a code block, a code line or a slice of a giant sentence. */
interface Unit {
  start: number;
  end: number;
  tokens: number;
}

/** Token counts are sums of tenths (1.3 per word): compare with a margin for floating-point error. */
const epsilon = 1e-6;

/** Sentence ends: Latin . ! ? before a space, CJK 。！？； anywhere, and line breaks (list items, table rows). */
const sentenceEnd = /[.!?]+["')\]”’]*(?=\s|$)|[。！？；]+[”’」』）)]*|\n/gu;

/**
 * Cuts a page's Markdown into passages for embedding and keyword search.
 * Sections (by heading) never share a chunk; within a section, sentences
 * (English and Chinese punctuation) and whole fenced code blocks are packed
 * up to the token budget, with overlap. A code block too big for one chunk
 * is split by lines; a sentence too big for one is split at word/character
 * boundaries.
 */
export function chunkMarkdown(markdown: string, options: ChunkOptions = {}): Chunk[] {
  const maxTokens = Math.max(1, options.maxTokens ?? 200);
  const overlapTokens = Math.max(0, Math.min(options.overlapTokens ?? 30, maxTokens / 2));
  const pieceBudget = Math.max(1, Math.min(maxTokens, overlapTokens || maxTokens / 4));
  const chunks: Chunk[] = [];
  const path: { level: number; title: string }[] = [];
  let units: Unit[] = [];
  const flush = () => {
    const headingPath = path.map((h) => h.title);
    for (const [start, end] of pack(units, maxTokens, overlapTokens)) {
      const page = options.pageMarkers ? pageAt(markdown, start) : undefined;
      chunks.push({
        ordinal: chunks.length,
        text: markdown.slice(start, end),
        headingPath,
        start,
        end,
        ...(page === undefined ? {} : { page }),
      });
    }
    units = [];
  };
  const addUnit = (start: number, end: number) => {
    const tokens = estimateTokens(markdown.slice(start, end));
    if (tokens <= maxTokens) units.push({ start, end, tokens });
    else units.push(...splitLong(markdown, start, end, pieceBudget));
  };
  for (const block of markdownBlocks(markdown)) {
    if (block.kind === 'heading') {
      flush();
      while ((path.at(-1)?.level ?? 0) >= block.level) path.pop();
      path.push({ level: block.level, title: block.title });
    } else if (block.kind === 'code') {
      const tokens = estimateTokens(markdown.slice(block.start, block.end));
      if (tokens <= maxTokens) units.push({ start: block.start, end: block.end, tokens });
      else for (const [s, e] of ranges(markdown, block.start, block.end, /\n/g)) addUnit(s, e);
    } else if (
      !(options.pageMarkers && isPageMarker(markdown.slice(block.start, block.end))) &&
      !isBylineBlock(markdown.slice(block.start, block.end), options.byline)
    ) {
      for (const [s, e] of ranges(markdown, block.start, block.end, sentenceEnd)) addUnit(s, e);
    }
  }
  flush();
  return chunks;
}

/** Splits [start, end) after each match of `separator`, trimming whitespace; empty parts dropped. */
function ranges(text: string, start: number, end: number, separator: RegExp): [number, number][] {
  const out: [number, number][] = [];
  const part = text.slice(start, end);
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(part[a] ?? '')) a++;
    while (b > a && /\s/.test(part[b - 1] ?? '')) b--;
    if (a < b) out.push([start + a, start + b]);
  };
  for (const match of part.matchAll(separator)) {
    const to = match.index + match[0].length;
    push(from, to);
    from = to;
  }
  push(from, part.length);
  return out;
}

/** Cuts a too-long stretch into units of about `budget` tokens, at word or CJK character boundaries. */
function splitLong(text: string, start: number, end: number, budget: number): Unit[] {
  const out: Unit[] = [];
  let unitStart = -1;
  let unitEnd = start;
  let tokens = 0;
  for (const { piece, index } of tokenPieces(text.slice(start, end))) {
    const cost = pieceTokens(piece);
    if (unitStart >= 0 && tokens + cost > budget + epsilon) {
      out.push({ start: unitStart, end: unitEnd, tokens });
      unitStart = -1;
      tokens = 0;
    }
    if (unitStart < 0) unitStart = start + index;
    unitEnd = start + index + piece.length;
    tokens += cost;
  }
  if (unitStart >= 0) out.push({ start: unitStart, end: unitEnd, tokens });
  return out;
}

/** Greedy packing of units into [start, end) ranges, each next range starting with ≤ overlap tokens of the last. */
function pack(units: Unit[], maxTokens: number, overlapTokens: number): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < units.length) {
    let j = i;
    let total = 0;
    while (j < units.length && (j === i || total + (units[j]?.tokens ?? 0) <= maxTokens + epsilon)) {
      total += units[j]?.tokens ?? 0;
      j++;
    }
    out.push([units[i]?.start ?? 0, units[j - 1]?.end ?? 0]);
    if (j >= units.length) break;
    let k = j;
    let overlap = 0;
    while (k - 1 > i && overlap + (units[k - 1]?.tokens ?? 0) <= overlapTokens + epsilon) {
      k--;
      overlap += units[k]?.tokens ?? 0;
    }
    i = k;
  }
  return out;
}
