import type { Bm25Index } from '../../lib/rag/bm25';
import type { KeywordGate } from '../../lib/rag/keyword-gate';
import { searchIndexes } from '../../lib/rag/search-indexes';
import type { DevQuestion } from './library-dev-set';

/** Excerpts a library answer gets (lib/chat/library-context.ts). */
const k = 6;

/** How keyword-only library search did on some development questions. */
export interface DevFigures {
  readonly answerable: number;
  /** Answerable questions that found nothing (the gate said "not in your library"). */
  readonly refused: number;
  /** Answerable questions with a page that answers them among the top 5 excerpts. */
  readonly hitAt5: number;
  readonly offTopic: number;
  /** Off-topic questions that found nothing. */
  readonly offTopicRefused: number;
  /** Of the questions the gate refused, the share that were off-topic. */
  readonly refusalPrecision: number;
  /** Of the off-topic questions, the share the gate refused. */
  readonly refusalRecall: number;
  /** Share of answerable questions refused. */
  readonly answerableRefusedRate: number;
}

/** Runs each question through the product's keyword-only search (searchIndexes, no vectors) with a gate. */
export function evaluateDevSet(index: Bm25Index, questions: readonly DevQuestion[], gate?: KeywordGate): DevFigures {
  let answerable = 0;
  let refused = 0;
  let hitAt5 = 0;
  let offTopic = 0;
  let offTopicRefused = 0;
  for (const question of questions) {
    const hits = searchIndexes({
      query: question.question,
      queryVector: null,
      vectors: null,
      lexical: index,
      k,
      ...(gate ? { gate } : {}),
    });
    if (question.pages.length === 0) {
      offTopic++;
      if (hits.length === 0) offTopicRefused++;
      continue;
    }
    answerable++;
    if (hits.length === 0) refused++;
    const pages = hits.slice(0, 5).map((hit) => hit.id.slice(0, hit.id.lastIndexOf('#')));
    if (question.pages.some((page) => pages.includes(page))) hitAt5++;
  }
  const allRefused = refused + offTopicRefused;
  return {
    answerable,
    refused,
    hitAt5,
    offTopic,
    offTopicRefused,
    refusalPrecision: allRefused ? offTopicRefused / allRefused : 1,
    refusalRecall: offTopic ? offTopicRefused / offTopic : 1,
    answerableRefusedRate: answerable ? refused / answerable : 0,
  };
}
