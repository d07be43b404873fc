import type { FixtureHit } from './engine-replies';

/**
 * Results pages in the markup of each search site the no-key mode reads
 * (the structure those sites serve, reduced to what a reader needs), with the
 * sites' own link wrappers: Bing's `/ck/a?…&u=a1<base64url>`, DuckDuckGo's
 * `//duckduckgo.com/l/?uddg=…`, Google's `/url?q=…`, Baidu's `mu` attribute.
 */
export type ResultsSite = 'bing' | 'baidu' | 'duckduckgo' | 'google';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const base64url = (text: string) => Buffer.from(text).toString('base64url');

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

/** The results page `site` shows for `query`, listing `hits`. */
export function resultsPageHtml(site: ResultsSite, query: string, hits: readonly FixtureHit[]): string {
  switch (site) {
    case 'bing': {
      const items = hits.map(
        (
          h,
          i,
        ) => `<li class="b_algo"><div class="b_tpcn"><a class="tilk" href="${escapeHtml(h.url)}">${escapeHtml(new URL(h.url).host)}</a></div>
<h2><a href="${i % 2 === 0 ? `https://www.bing.com/ck/a?!&amp;&amp;p=abc&amp;u=a1${base64url(h.url)}&amp;ntb=1` : escapeHtml(h.url)}">${escapeHtml(h.title)}</a></h2>
<div class="b_caption"><p class="b_lineclamp2">${escapeHtml(h.snippet)}</p></div></li>`,
      );
      return page(`${query} - Search`, `<div id="b_content"><ol id="b_results">${items.join('')}</ol></div>`);
    }
    case 'duckduckgo': {
      const items = hits.map(
        (
          h,
        ) => `<div class="result results_links results_links_deep web-result"><div class="links_main links_deep result__body">
<h2 class="result__title"><a rel="nofollow" class="result__a" href="//duckduckgo.com/l/?uddg=${encodeURIComponent(h.url)}&amp;rut=x">${escapeHtml(h.title)}</a></h2>
<a class="result__snippet" href="//duckduckgo.com/l/?uddg=${encodeURIComponent(h.url)}">${escapeHtml(h.snippet)}</a></div></div>`,
      );
      return page(`${query} at DuckDuckGo`, `<div id="links" class="results">${items.join('')}</div>`);
    }
    case 'google': {
      const items = hits.map(
        (
          h,
          i,
        ) => `<div class="g"><div data-hveid="C${i}"><a href="${i % 2 === 0 ? `/url?q=${encodeURIComponent(h.url)}&amp;sa=U` : escapeHtml(h.url)}"><br><h3 class="LC20lb">${escapeHtml(h.title)}</h3><cite>${escapeHtml(new URL(h.url).host)}</cite></a>
<div class="VwiC3b"><span>${escapeHtml(h.snippet)}</span></div></div></div>`,
      );
      return page(`${query} - Google Search`, `<div id="search"><div id="rso">${items.join('')}</div></div>`);
    }
    case 'baidu': {
      const items = hits.map(
        (
          h,
          i,
        ) => `<div class="result c-container xpath-log new-pmd" id="${i + 1}" mu="${escapeHtml(h.url)}" tpl="se_com_default">
<h3 class="c-title t"><a href="http://www.baidu.com/link?url=${base64url(h.url)}" target="_blank">${escapeHtml(h.title)}</a></h3>
<div class="c-abstract"><span class="content-right_8Zs40">${escapeHtml(h.snippet)}</span></div></div>`,
      );
      return page(`${query}_百度搜索`, `<div id="content_left">${items.join('')}</div>`);
    }
  }
}

/** A page a search site shows instead of results: a robot check. */
export function robotCheckHtml(): string {
  return page(
    'Verify you are human',
    '<form><p>Please verify you are a human to continue.</p><button>Verify</button></form>',
  );
}
