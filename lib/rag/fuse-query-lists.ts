import { reciprocalRankFusion } from './fusion';
import type { HybridHit } from './search-indexes';

/**
 * RAG-Fusion (Raudaschl 2023): the hybrid lists of the question and of each
 * of the model's rewrites, fused by reciprocal rank (k = 60, equal weights,
 * the question's list first so it wins ties). A chunk several wordings find
 * rises; one only a rewrite finds can still make the answer.
 *
 * Each list has passed its own gate already (the keyword gate or the
 * similarity floor, search-indexes.ts). The question's own list decides
 * whether the library covers the topic at all: when it is empty, so is the
 * fused list, and the answer is "not in your library". Rewrites broaden a
 * question ("How do I cook rice with chicken?" → "rice cultivation"), so
 * letting them alone open the gate would answer off-topic questions from
 * whatever page shares a word with a rewrite. The price: a question that only
 * a rewrite in the other language matches is refused, as it is without fusion.
 *
 * The scores behind each hit are the best any wording gave it.
 */
export function fuseQueryLists(
  question: readonly HybridHit[],
  rewrites: readonly (readonly HybridHit[])[],
): HybridHit[] {
  if (question.length === 0) return [];
  const lists = [question, ...rewrites];
  const best = new Map<string, { vectorScore?: number; keywordScore?: number }>();
  for (const list of lists) {
    for (const hit of list) {
      const known = best.get(hit.id) ?? {};
      best.set(hit.id, {
        ...maxOf('vectorScore', known.vectorScore, hit.vectorScore),
        ...maxOf('keywordScore', known.keywordScore, hit.keywordScore),
      });
    }
  }
  return reciprocalRankFusion(lists.map((list) => list.map((hit) => hit.id))).map((hit) => ({
    ...hit,
    ...best.get(hit.id),
  }));
}

function maxOf<K extends string>(key: K, a: number | undefined, b: number | undefined): Partial<Record<K, number>> {
  if (a === undefined && b === undefined) return {};
  return { [key]: Math.max(a ?? Number.NEGATIVE_INFINITY, b ?? Number.NEGATIVE_INFINITY) } as Partial<
    Record<K, number>
  >;
}
