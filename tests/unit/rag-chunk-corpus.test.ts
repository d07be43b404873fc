import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/capture/capture-page';
import { chunkMarkdown } from '../../lib/rag/chunk';
import { estimateTokens } from '../../lib/rag/tokens';

/** The real pages of Readability's test suite, captured to Markdown as Aside saves them, then chunked. */
const corpus = path.resolve(import.meta.dirname, '../../../shared/corpora/readability');
const pages = fs.readdirSync(corpus).filter((name) => fs.existsSync(path.join(corpus, name, 'source.html')));

describe('chunking the captured Readability corpus', () => {
  const captured = pages.map((name) => {
    const html = fs.readFileSync(path.join(corpus, name, 'source.html'), 'utf8');
    const dom = new JSDOM(html, { url: 'http://fakehost/test/page.html' });
    return { name, markdown: capturePage(dom.window.document).markdown };
  });

  it('gives exact offsets, stays within the budget and covers every word outside heading lines', () => {
    expect(captured.length).toBeGreaterThanOrEqual(130);
    const problems: string[] = [];
    let chunkCount = 0;
    for (const { name, markdown } of captured) {
      const chunks = chunkMarkdown(markdown);
      chunkCount += chunks.length;
      const covered = new Uint8Array(markdown.length);
      chunks.forEach((chunk, i) => {
        if (chunk.ordinal !== i) problems.push(`${name}: ordinal ${chunk.ordinal} at ${i}`);
        if (markdown.slice(chunk.start, chunk.end) !== chunk.text) problems.push(`${name}#${i}: offsets`);
        if (estimateTokens(chunk.text) > 200) problems.push(`${name}#${i}: ${estimateTokens(chunk.text)} tokens`);
        covered.fill(1, chunk.start, chunk.end);
      });
      // Heading lines are carried in headingPath, not in chunk text; code fences may hold '#' lines.
      const headingLines = [...markdown.matchAll(/^ {0,3}#{1,6}[ \t].*$/gm)];
      for (const match of headingLines) covered.fill(1, match.index, match.index + match[0].length);
      const missed = [...markdown.matchAll(/[\p{L}\p{N}]+/gu)].filter((word) => !covered[word.index]);
      if (missed.length) problems.push(`${name}: ${missed.length} words in no chunk, e.g. "${missed[0]?.[0]}"`);
    }
    expect(problems).toEqual([]);
    expect(chunkCount).toBeGreaterThan(captured.length);
  });
});
