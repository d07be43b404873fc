// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { resultsPageHtml, robotCheckHtml } from '../../../tests/support/search-fixtures/results-pages';
import { browserSites } from '../engines';
import { readResultsPage } from './read-results-page';

const hits = [
  {
    title: 'A short history of the Loxley Bridge',
    url: 'https://history.example/loxley?a=1&b=2',
    snippet: 'Opened on 14 May 1932.',
  },
  { title: 'Engineering the bridge', url: 'https://eng.example/bridge', snippet: 'A steel arch.' },
  { title: '洛克斯利桥', url: 'https://zh.example/桥', snippet: '1932年通车。' },
];

const parse = (html: string, url: string) => {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const base = document.createElement('base');
  base.href = url;
  document.head.prepend(base);
  return document;
};

describe('readResultsPage', () => {
  it.each(browserSites)('%s: reads each result’s real address, title and snippet, in order', (site) => {
    const document = parse(resultsPageHtml(site, 'loxley', hits), `https://search.example/${site}`);
    const { results, blocked } = readResultsPage(document, site);
    expect(blocked).toBe(false);
    expect(results.map((r) => r.url)).toEqual(hits.map((h) => new URL(h.url).href));
    expect(results.map((r) => r.title)).toEqual(hits.map((h) => h.title));
    expect(results[0]?.snippet).toBe('Opened on 14 May 1932.');
  });

  it('tells a robot check from a page without results', () => {
    expect(readResultsPage(parse(robotCheckHtml(), 'https://search.example/'), 'bing')).toEqual({
      results: [],
      blocked: true,
    });
    const empty = parse(resultsPageHtml('bing', 'zzz', []), 'https://search.example/');
    expect(readResultsPage(empty, 'bing')).toEqual({ results: [], blocked: false });
  });
});
