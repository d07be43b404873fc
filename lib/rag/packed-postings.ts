import { Postings } from './postings';

/**
 * Posting lists of many terms packed into three flat arrays, so that storing
 * and loading them is a copy of a few buffers rather than millions of small
 * values: the lists of term t are ids/counts[offsets[t] .. offsets[t + 1]).
 */
export interface PackedPostings {
  /** Uint32Array, one more than the number of terms. */
  offsets: ArrayBuffer;
  /** Int32Array of ids (chunk rows). */
  ids: ArrayBuffer;
  /** Uint16Array of counts. */
  counts: ArrayBuffer;
}

/**
 * Packs the lists, keeping only ids that `remap` maps to a new id (≥ 0), in
 * their order. A missing list packs as an empty one.
 */
export function packPostings(lists: readonly (Postings | undefined)[], remap: Int32Array): PackedPostings {
  let total = 0;
  for (const list of lists) total += list?.n ?? 0;
  const offsets = new Uint32Array(lists.length + 1);
  const ids = new Int32Array(total);
  const counts = new Uint16Array(total);
  let at = 0;
  lists.forEach((list, term) => {
    offsets[term] = at;
    for (let i = 0; list && i < list.n; i++) {
      const id = remap[list.ids[i] as number] as number;
      if (id < 0) continue;
      ids[at] = id;
      counts[at] = list.counts[i] as number;
      at++;
    }
  });
  offsets[lists.length] = at;
  return { offsets: offsets.buffer, ids: ids.slice(0, at).buffer, counts: counts.slice(0, at).buffer };
}

/**
 * The lists back, as views on the packed buffers (no copy: a list grows by
 * copying itself on its next push). Empty lists come back undefined.
 */
export function unpackPostings(packed: PackedPostings): (Postings | undefined)[] {
  const offsets = new Uint32Array(packed.offsets);
  const ids = new Int32Array(packed.ids);
  const counts = new Uint16Array(packed.counts);
  const lists: (Postings | undefined)[] = new Array(Math.max(0, offsets.length - 1));
  for (let term = 0; term + 1 < offsets.length; term++) {
    const from = offsets[term] as number;
    const to = offsets[term + 1] as number;
    if (to === from) continue;
    const list = new Postings();
    list.ids = ids.subarray(from, to);
    list.counts = counts.subarray(from, to);
    list.n = to - from;
    lists[term] = list;
  }
  return lists;
}
