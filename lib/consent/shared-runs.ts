import { minRunUnits, sourceUnits, type Units } from './text-units';

/**
 * Finds which parts of a few short texts (the forms of one candidate URL or
 * body) also occur in long texts (the pages a run has read). Every window of
 * `minRunUnits` units of the short texts goes into a table by rolling hash;
 * each long text is read once, its windows' hashes looked up in the table and
 * confirmed by comparing the text. A part of a short text is carried when it
 * lies in a window found in the long text: the union of the shared windows is
 * exactly the union of the shared runs of 20 units or more, with no
 * extension step whose cost could grow with repetitive input. The work is
 * linear in the long texts' length, so pages of hundreds of kilobytes are
 * read in milliseconds.
 */

const windowSize = minRunUnits;
const base = 0x01000193;
/** base^(windowSize - 1), to take the leaving unit out of the rolling hash. */
const leading = (() => {
  let power = 1;
  for (let i = 1; i < windowSize; i++) power = Math.imul(power, base);
  return power;
})();

interface Group {
  readonly window: string;
  /** (probe index, offset) of every place this window starts, flattened. */
  readonly at: number[];
  /** The last source this window was found in, so each source marks it once. */
  seenIn: number;
}

/**
 * Whether a window could be shared by chance rather than copied: one with
 * fewer than five different units ("----", "0000") or without a letter or
 * digit (a rule of spaces and dashes) is never counted.
 */
function meaningful(window: string): boolean {
  return new Set(window).size >= 5 && /[\p{L}\p{N}]/u.test(window);
}

function hashAt(text: string, start: number): number {
  let hash = 0;
  for (let i = start; i < start + windowSize; i++) hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
  return hash;
}

/** The windows of the probes, by hash. */
function indexProbes(probes: readonly Units[]): Map<number, Group[]> {
  const table = new Map<number, Group[]>();
  probes.forEach((probe, index) => {
    const { text } = probe;
    for (let offset = 0; offset + windowSize <= text.length; offset++) {
      const window = text.slice(offset, offset + windowSize);
      if (!meaningful(window)) continue;
      const hash = hashAt(text, offset);
      const groups = table.get(hash) ?? [];
      let group = groups.find((each) => each.window === window);
      if (!group) {
        group = { window, at: [], seenIn: -1 };
        groups.push(group);
        table.set(hash, groups);
      }
      group.at.push(index, offset);
    }
  });
  return table;
}

/**
 * For each source, how many characters of each probe lie in runs of at least
 * 20 units that the source also contains. `result[source][probe]`.
 */
export function sharedCharacters(probes: readonly Units[], sources: readonly string[]): number[][] {
  const table = indexProbes(probes);
  return sources.map((raw, sourceIndex) => {
    const counts = probes.map(() => 0);
    if (table.size === 0) return counts;
    const text = sourceUnits(raw);
    const covered: (Uint8Array | undefined)[] = probes.map(() => undefined);
    let hash = text.length >= windowSize ? hashAt(text, 0) : 0;
    for (let p = 0; p + windowSize <= text.length; p++) {
      if (p > 0) {
        const out = Math.imul(text.charCodeAt(p - 1), leading);
        hash = (Math.imul(hash - out, base) + text.charCodeAt(p + windowSize - 1)) | 0;
      }
      const groups = table.get(hash);
      if (!groups) continue;
      for (const group of groups) {
        if (group.seenIn === sourceIndex || !text.startsWith(group.window, p)) continue;
        group.seenIn = sourceIndex;
        for (let i = 0; i < group.at.length; i += 2) {
          const probe = group.at[i] ?? 0;
          const offset = group.at[i + 1] ?? 0;
          const marks = covered[probe] ?? new Uint8Array(probes[probe]?.text.length ?? 0);
          covered[probe] = marks;
          marks.fill(1, offset, offset + windowSize);
        }
      }
    }
    covered.forEach((marks, probe) => {
      const starts = probes[probe]?.starts;
      if (!marks || !starts) return;
      let chars = 0;
      for (let i = 0; i < marks.length; i++) chars += marks[i] === 1 && starts[i] === 1 ? 1 : 0;
      counts[probe] = chars;
    });
    return counts;
  });
}
