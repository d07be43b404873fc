/** What the user picks in the options page before exporting. */
export interface ExportFilter {
  /** Only answers from conversations or runs updated at or after this time (ms). */
  readonly since?: number;
  /** Only answers from this model. */
  readonly model?: string;
  /**
   * `up`: only answers rated 👍 are good examples. `rated`: every rating counts:
   * an answer the user rewrote (and did not rate 👎) is good too, and an unrated
   * answer is preferred to a 👎 one.
   */
  readonly rating: 'up' | 'rated';
}

/** An answer as the user judged it. */
export interface Judged {
  readonly rating?: 'up' | 'down' | undefined;
  readonly edited?: string | undefined;
}

/** 1 for a good answer, -1 for a bad one, 0 for one without a verdict. */
export function score(answer: Judged, filter: ExportFilter): number {
  if (answer.rating === 'up') return 1;
  if (answer.rating === 'down') return -1;
  return filter.rating === 'rated' && answer.edited !== undefined ? 1 : 0;
}

/** Whether an answer's rewrite makes a preference pair (rewrite over original) under this filter. */
export function editCounts(answer: Judged, filter: ExportFilter): boolean {
  if (answer.edited === undefined) return false;
  return filter.rating === 'up' ? answer.rating === 'up' : answer.rating !== 'down';
}

/** The date filter. */
export function recentEnough(updatedAt: number, filter: ExportFilter): boolean {
  return filter.since === undefined || updatedAt >= filter.since;
}

/** The date and model filters. */
export function inScope(updatedAt: number, models: readonly (string | undefined)[], filter: ExportFilter): boolean {
  return recentEnough(updatedAt, filter) && (!filter.model || models.includes(filter.model));
}
