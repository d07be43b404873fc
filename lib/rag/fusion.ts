/** An item with a fused score, best first. */
export interface Fused {
  id: string;
  score: number;
}

/**
 * Reciprocal rank fusion (Cormack et al. 2009): score(d) = Σ w / (k + rank),
 * rank from 1. It needs no score calibration between BM25 and cosine
 * similarity, which live on unrelated scales. k = 60 as in the paper.
 * Ties keep the order of first appearance (earlier lists first).
 */
export function reciprocalRankFusion(
  lists: readonly (readonly string[])[],
  options: { k?: number; weights?: readonly number[] } = {},
): Fused[] {
  const k = options.k ?? 60;
  const scores = new Map<string, number>();
  lists.forEach((list, l) => {
    const weight = options.weights?.[l] ?? 1;
    const seen = new Set<string>();
    list.forEach((id, rank) => {
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1));
    });
  });
  const order = [...scores.keys()];
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || order.indexOf(a.id) - order.indexOf(b.id));
}

/** Cosine similarity of two vectors (0 when either is zero). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Maximal marginal relevance (Carbonell & Goldstein 1998): picks k items one
 * by one, each maximizing λ·relevance − (1 − λ)·max similarity to those
 * already picked, so near-duplicate chunks (overlaps, mirrored pages) do not
 * fill the answer. Relevance is the fused score rescaled to [0, 1]; items
 * without a vector count as dissimilar to everything.
 */
export function maximalMarginalRelevance<T extends Fused>(
  items: readonly T[],
  vectorOf: (id: string) => Float32Array | null,
  k: number,
  lambda: number,
): T[] {
  if (items.length === 0) return [];
  const top = items[0]?.score ?? 1;
  const bottom = items.at(-1)?.score ?? 0;
  const range = top - bottom || 1;
  const pool = items.map((item) => ({ item, relevance: (item.score - bottom) / range, vector: vectorOf(item.id) }));
  const picked: typeof pool = [];
  while (picked.length < k && pool.length > 0) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    pool.forEach((candidate, i) => {
      let similarity = 0;
      for (const chosen of picked) {
        if (candidate.vector && chosen.vector)
          similarity = Math.max(similarity, cosine(candidate.vector, chosen.vector));
      }
      const value = lambda * candidate.relevance - (1 - lambda) * similarity;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    picked.push(...pool.splice(best, 1));
  }
  return picked.map(({ item }) => item);
}
