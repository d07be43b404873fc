/**
 * The pages a test web search finds: small but real-looking articles about a
 * made-up bridge, so answers can only come from them. Each fact sits in one
 * page, so a test can tell which page an excerpt came from.
 */
export interface Article {
  readonly slug: string;
  readonly title: string;
  readonly lang: string;
  readonly paragraphs: readonly string[];
}

const filler = (topic: string) =>
  `Visitors often ask about ${topic}, and local guides answer with stories that have been told for generations, some of them true and many of them improved with every telling along the river.`;

export const articles: readonly Article[] = [
  {
    slug: 'loxley-history',
    title: 'A short history of the Loxley Bridge',
    lang: 'en',
    paragraphs: [
      'The Loxley Bridge opened on 14 May 1932, after four years of construction across the Wend estuary.',
      'Before the bridge, a chain ferry carried carts and passengers between the two banks several times an hour.',
      filler('the opening ceremony'),
      'The bridge was renamed twice in its first decade before the town council settled on the name it carries today.',
    ],
  },
  {
    slug: 'loxley-engineering',
    title: 'Engineering the Loxley Bridge',
    lang: 'en',
    paragraphs: [
      'The main span of the Loxley Bridge is 412 metres long, held by two towers of riveted steel.',
      'Its deck was widened in 1978 to carry four lanes of traffic and a separate footpath on the eastern side.',
      filler('the steelwork'),
      'Engineers inspect the cables every spring, when the tides are at their lowest.',
    ],
  },
  {
    slug: 'loxley-tolls',
    title: 'Tolls and traffic on the Loxley Bridge',
    lang: 'en',
    paragraphs: [
      'Tolls on the Loxley Bridge were abolished in 1995, and about 38,000 vehicles now cross it each day.',
      'Cyclists have used the eastern footpath since the widening, and a bicycle lane was painted in 2011.',
      filler('the traffic'),
      'Queues form mostly on summer weekends, when visitors drive to the coast.',
    ],
  },
  {
    slug: 'loxley-zh',
    title: '洛克斯利大桥简介',
    lang: 'zh-CN',
    paragraphs: [
      '洛克斯利大桥于一九三二年五月十四日通车，横跨温德河口，是当地最著名的建筑之一。',
      '大桥主跨长四百一十二米，由两座铆接钢塔支撑，每年春天都会检查钢索。',
      '桥上原本收取过路费，一九九五年取消收费后，每天约有三万八千辆汽车通过。',
      '游客常常在夏天的周末驾车经过大桥前往海边，因此周末容易出现排队的情况。',
    ],
  },
  {
    slug: 'garden-cats',
    title: 'Why cats sleep in gardens',
    lang: 'en',
    paragraphs: [
      'Cats choose warm, sheltered spots in gardens, often under shrubs or on sunny walls.',
      'A cat that sleeps outdoors still returns home for food, usually at dawn and dusk.',
      filler('cats'),
      'Gardeners can keep cats off seedlings with netting rather than sprays.',
    ],
  },
];

/** An article as an HTML page with a navigation bar and footer around it, as real sites have. */
export function articleHtml(article: Article): string {
  // English paragraphs get a second sentence so that Readability takes the page for an article.
  const long = (p: string) => (article.lang === 'en' ? `${p} ${filler('this')}` : p);
  const body = article.paragraphs.map((p) => `<p>${long(p)}</p>`).join('\n');
  return `<!doctype html><html lang="${article.lang}"><head><meta charset="utf-8"><title>${article.title}</title></head>
<body><nav><a href="/">Home</a> · <a href="/about">About</a></nav>
<article><h1>${article.title}</h1>${body}</article>
<footer>© River Wend Society</footer></body></html>`;
}

/** The snippet an engine would show for an article: its first sentence. */
export function articleSnippet(article: Article): string {
  return article.paragraphs[0] ?? '';
}
