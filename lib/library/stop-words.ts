/**
 * Words that match almost every passage, so a question made only of them
 * ("what is this?") must not count as finding something in the library, and
 * a question's coverage (lib/rag/keyword-gate.ts) counts only the others.
 * English as normalized by search-terms, before stemming (lower case, no
 * accents): function words, and the scaffolding of questions about a library
 * ("what does the article say about…"). Chinese: function characters and
 * words, question words, and the same scaffolding ("文章里提到…").
 */
const english = `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing don down during each either else ever every few for from further get
gets got had has have having he her here hers herself him himself his how i if in into is it its itself just me might
more most much must my myself no nor not now of off on once only or other our ours out over own please same she should
so some such than that the their theirs them themselves then there these they this those through to too under until up
upon us very was we were what whatever when where whether which while who whom whose why will with within without would
yet you your yours yourself don't doesn't didn't isn't aren't wasn't weren't can't cannot won't wouldn't
shouldn't couldn't haven't hasn't i'm i've it's what's like
according article articles describe described describes explain explained find give know let list mention mentioned
mentions page pages said say saved says show tell thing things way
anything something everything anyone someone regarding concerning info information detail details discuss discussed
discusses talk talks talked wrote written remember recall summarize summarise`.split(/\s+/);

const chinese =
  `的 了 是 在 和 与 或 及 吗 呢 吧 啊 呀 嘛 么 我 你 您 他 她 它 们 这 那 有 被 把 对 从 到 给 让 向 为 以 于 而
并 且 则 将 就 也 都 还 又 很 最 更 再 才 只 个 之 其 等 上 下 中 里 第 看 说 讲 谈 要 会 能 想 得 地 着 过 去 来 做 用 些
什么 怎么 怎样 怎么样 为什么 为何 哪 哪个 哪些 哪里 哪儿 哪一 哪种 哪位 谁 多少 几 如何 是否 是不是 有没有 有什么 可以 能否 能不能
会不会 一个 一些 一下 这个 那个 这些 那些 这里 那里 请 问 请问 告诉 介绍 关于 文章 页面 提到 讲述 说明 应该 需要 时候 的是 就是 还是
什么样 怎么办 做了 我们 你们 他们 她们 它们 自己
有关 相关 内容 提及 记得 保存 哪篇 这篇 那篇 一篇 写的 讲的 说的 讲了 写了 说了 具体 详细 一点 一些 东西 资料`.split(
    /\s+/,
  );

const stopWords: ReadonlySet<string> = new Set([...english, ...chinese]);

/** Whether a word (normalized, not stemmed) or a Chinese segment carries no topic of its own. */
export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}
