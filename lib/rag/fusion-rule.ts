import { queryWords } from '../library/search-terms';
import type { RagFusionMode } from './rag-fusion-settings';

/** A question of this many words or more is long (a Chinese word as the segmenter cuts it). */
export const longQuestionWords = 16;
/** A question with this many topic words or fewer (but at least one) is vague. */
export const vagueTopicWords = 2;

/**
 * Whether a library question is rewritten and fused. Auto: when it is long
 * (16 words or more: its many words dilute the keyword gate's coverage and
 * the query vector; short rewrites each carry one aspect) or vague (one or two
 * topic words, e.g. "climate change?" or "量子计算有什么用": it names a
 * subject but not what about it, and rewrites spell out the likely readings).
 * A question with no topic word at all is not fused: it finds nothing in the
 * library either way (the rewrites cannot widen it, see search-indexes.ts).
 */
export function shouldFuse(mode: RagFusionMode, question: string): boolean {
  if (mode !== 'auto') return mode === 'on';
  const words = queryWords(question);
  const topic = words.filter((word) => !word.stop).length;
  return words.length >= longQuestionWords || (topic >= 1 && topic <= vagueTopicWords);
}
