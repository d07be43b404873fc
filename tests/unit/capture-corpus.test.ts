import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/capture/capture-page';

/** The 130 real pages of Readability's own test suite, read in place from ../shared/corpora. */
const corpus = path.resolve(import.meta.dirname, '../../../shared/corpora/readability');
const pages = fs.readdirSync(corpus).filter((name) => fs.existsSync(path.join(corpus, name, 'source.html')));

interface ExpectedMetadata {
  title: string;
  readerable: boolean;
  publishedTime: string | null;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the expected article's words (as a multiset) found in the capture. */
function recall(expected: string[], actual: string[]): number {
  if (expected.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of actual) counts.set(word, (counts.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of expected) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      found++;
      counts.set(word, left - 1);
    }
  }
  return found / expected.length;
}

const textOf = (html: string) => new JSDOM(html).window.document.body.textContent ?? '';

describe('capture on the Readability corpus', () => {
  const results = pages.map((name) => {
    const dir = path.join(corpus, name);
    const dom = new JSDOM(fs.readFileSync(path.join(dir, 'source.html'), 'utf8'), {
      url: 'http://fakehost/test/page.html',
    });
    const before = dom.window.document.documentElement.outerHTML;
    const page = capturePage(dom.window.document);
    const after = dom.window.document.documentElement.outerHTML;
    const metadata = JSON.parse(fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata;
    const expectedWords = words(textOf(fs.readFileSync(path.join(dir, 'expected.html'), 'utf8')));
    return { name, page, unchanged: before === after, metadata, recall: recall(expectedWords, words(page.markdown)) };
  });

  it('captures every page without changing the live document', () => {
    expect(results).toHaveLength(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(130);
    expect(results.filter((r) => !r.unchanged).map((r) => r.name)).toEqual([]);
    expect(results.filter((r) => r.page.markdown.trim() === '').map((r) => r.name)).toEqual([]);
  });

  it('keeps the article text of readerable pages', () => {
    const readerable = results.filter((r) => r.metadata.readerable);
    const good = readerable.filter((r) => r.recall >= 0.9);
    const median = [...readerable.map((r) => r.recall)].sort((a, b) => a - b)[Math.floor(readerable.length / 2)] ?? 0;
    console.log(
      `capture recall: ${good.length}/${readerable.length} readerable pages ≥ 0.9, median ${median.toFixed(3)}; ` +
        `below: ${readerable
          .filter((r) => r.recall < 0.9)
          .map((r) => `${r.name} ${r.recall.toFixed(2)}`)
          .join(', ')}`,
    );
    expect(good.length / readerable.length).toBeGreaterThanOrEqual(0.9);
    expect(median).toBeGreaterThanOrEqual(0.97);
  });

  it('uses the article title of readerable pages', () => {
    const readerable = results.filter((r) => r.metadata.readerable && r.page.method === 'readability');
    const titled = readerable.filter((r) => r.page.title === r.metadata.title.trim());
    expect(titled.length / readerable.length).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the published time the page states', () => {
    const dated = results.filter((r) => r.metadata.publishedTime && r.page.method === 'readability');
    const same = dated.filter((r) => r.page.publishedTime === r.metadata.publishedTime);
    expect(dated.length).toBeGreaterThan(10);
    expect(same.length / dated.length).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps Chinese text and its language', () => {
    const qq = results.find((r) => r.name === 'qq');
    expect(qq?.page.markdown).toMatch(/[\u4e00-\u9fff]{10}/);
    expect(qq?.page.lang).toMatch(/^zh/);
  });

  it('never puts image URLs into the Markdown', () => {
    expect(results.filter((r) => /!\[[^\]]*\]\(/.test(r.page.markdown)).map((r) => r.name)).toEqual([]);
  });
});
