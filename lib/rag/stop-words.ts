/**
 * Function words that match almost every passage, so a question made only of
 * them ("what is this?") must not count as finding something in the library.
 * English as normalized by search-terms (lower case, no accents); Chinese
 * single characters and pairs that carry no topic.
 */
const english =
  'a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my no not of on or our she should so than that the their them then there these they this to was we were what when where which who why will with would you your'.split(
    ' ',
  );
const chinese =
  '的 了 是 在 和 与 或 吗 呢 吧 啊 我 你 他 她 它 们 这 那 有 什么 怎么 为什么 哪 哪些 如何 可以 能 会 一个 这个 那个 请 问'.split(
    ' ',
  );

const stopWords: ReadonlySet<string> = new Set([...english, ...chinese]);

/** Whether a query term carries no topic of its own. */
export function isStopWord(term: string): boolean {
  return stopWords.has(term);
}
