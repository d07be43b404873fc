import { describe, expect, it } from 'vitest';
import { chunkMarkdown } from './chunk';
import { estimateTokens } from './tokens';

const sentence = (i: number) => `Sentence number ${i} talks about retrieval and vectors in the browser.`;

function expectOffsets(markdown: string, chunks: ReturnType<typeof chunkMarkdown>) {
  chunks.forEach((chunk, i) => {
    expect(chunk.ordinal).toBe(i);
    expect(markdown.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunk.text).toBe(chunk.text.trim());
  });
}

describe('chunkMarkdown', () => {
  it('returns nothing for empty or blank input', () => {
    expect(chunkMarkdown('')).toEqual([]);
    expect(chunkMarkdown('  \n\n \n')).toEqual([]);
    expect(chunkMarkdown('# Only a heading\n\n## Another')).toEqual([]);
  });

  it('packs English sentences to the budget with overlap, cutting only at sentence ends', () => {
    const markdown = `# Guide\n\n${Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ')}\n`;
    const chunks = chunkMarkdown(markdown, { maxTokens: 60, overlapTokens: 15 });
    expect(chunks.length).toBeGreaterThan(4);
    expectOffsets(markdown, chunks);
    for (const chunk of chunks) {
      expect(estimateTokens(chunk.text)).toBeLessThanOrEqual(60);
      expect(chunk.text).toMatch(/^Sentence number \d+/);
      expect(chunk.text.endsWith('browser.')).toBe(true);
      expect(chunk.headingPath).toEqual(['Guide']);
    }
    // Overlap: each chunk starts before the previous one ended.
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]?.start).toBeLessThan(chunks[i - 1]?.end ?? 0);
      expect(chunks[i]?.start).toBeGreaterThan(chunks[i - 1]?.start ?? 0);
    }
    // Every sentence is in some chunk.
    for (let i = 0; i < 40; i++) expect(chunks.some((c) => c.text.includes(sentence(i)))).toBe(true);
  });

  it('splits Chinese at 。！？； and counts a character as one token', () => {
    const clause = '向量检索在浏览器中运行，不需要服务器';
    const markdown = `## 介绍\n\n${Array.from({ length: 30 }, (_, i) => `${clause}${i}${'。！？；'[i % 4]}`).join('')}`;
    const chunks = chunkMarkdown(markdown, { maxTokens: 50, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(5);
    expectOffsets(markdown, chunks);
    for (const chunk of chunks) {
      expect(estimateTokens(chunk.text)).toBeLessThanOrEqual(50);
      expect(chunk.text.startsWith(clause)).toBe(true);
      expect(chunk.text.at(-1)).toMatch(/[。！？；]/);
      expect(chunk.headingPath).toEqual(['介绍']);
    }
  });

  it('tracks the heading path and never mixes sections', () => {
    const markdown = [
      'Intro text before any heading.',
      '# A',
      'Text under A.',
      '## A.1',
      'Text under A.1.',
      '### A.1.x',
      'Deep text.',
      '## A.2',
      'Text under A.2.',
      '# B',
      'Text under B.',
    ].join('\n\n');
    const chunks = chunkMarkdown(markdown);
    expectOffsets(markdown, chunks);
    expect(chunks.map((c) => [c.text, c.headingPath])).toEqual([
      ['Intro text before any heading.', []],
      ['Text under A.', ['A']],
      ['Text under A.1.', ['A', 'A.1']],
      ['Deep text.', ['A', 'A.1', 'A.1.x']],
      ['Text under A.2.', ['A', 'A.2']],
      ['Text under B.', ['B']],
    ]);
  });

  it('keeps a fenced code block whole when it fits, with # lines inside it not taken as headings', () => {
    const code = '```python\n# not a heading\ndef f(x):\n\n    return x + 1\n```';
    const markdown = `# Code\n\nBefore the code.\n\n${code}\n\nAfter the code.`;
    const chunks = chunkMarkdown(markdown);
    expectOffsets(markdown, chunks);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toContain(code);
    expect(chunks[0]?.headingPath).toEqual(['Code']);
  });

  it('splits a code block that does not fit by lines', () => {
    const lines = Array.from({ length: 80 }, (_, i) => `const value${i} = compute(${i});`);
    const markdown = `Intro.\n\n\`\`\`ts\n${lines.join('\n')}\n\`\`\``;
    const chunks = chunkMarkdown(markdown, { maxTokens: 50, overlapTokens: 10 });
    expectOffsets(markdown, chunks);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(estimateTokens(chunk.text)).toBeLessThanOrEqual(50);
    for (const line of lines) expect(chunks.some((c) => c.text.split('\n').includes(line))).toBe(true);
  });

  it('cuts a huge paragraph without punctuation at word boundaries, covering all of it', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`);
    const markdown = words.join(' ');
    const chunks = chunkMarkdown(markdown);
    expectOffsets(markdown, chunks);
    expect(chunks.length).toBeGreaterThan(30);
    for (const chunk of chunks) {
      expect(estimateTokens(chunk.text)).toBeLessThanOrEqual(200);
      expect(chunk.text).toMatch(/^word\d+/);
      expect(chunk.text).toMatch(/word\d+$/);
    }
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(markdown.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]?.start).toBeLessThanOrEqual(chunks[i - 1]?.end ?? 0);
  });

  it('cuts a huge Chinese run without punctuation by characters', () => {
    const markdown = '中文字符'.repeat(500);
    const chunks = chunkMarkdown(markdown, { maxTokens: 100 });
    expectOffsets(markdown, chunks);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(100);
    expect(chunks.at(-1)?.end).toBe(markdown.length);
  });

  it('handles CRLF line endings and list items', () => {
    const markdown = '# Title\r\n\r\n- first item\r\n- second item\r\n';
    const chunks = chunkMarkdown(markdown);
    expectOffsets(markdown, chunks);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toBe('- first item\r\n- second item');
    expect(chunks[0]?.headingPath).toEqual(['Title']);
  });

  it('gives each chunk of a PDF the page it starts on, and never makes a marker a chunk', () => {
    const markdown = [
      '[Page 1]',
      'First page sentence one. First page sentence two.',
      '[Page 2]',
      'Second page sentence.',
      '[Page 3]',
      '[Page 4]',
      'Fourth page sentence.',
    ].join('\n\n');
    const chunks = chunkMarkdown(markdown, { maxTokens: 8, overlapTokens: 0, pageMarkers: true });
    expect(chunks.map((chunk) => [chunk.page, chunk.text])).toEqual([
      [1, 'First page sentence one.'],
      [1, 'First page sentence two.'],
      [2, 'Second page sentence.'],
      [4, 'Fourth page sentence.'],
    ]);
    // A web page's text that happens to look like a marker is text, and web chunks have no page.
    const web = chunkMarkdown('[Page 1]\n\nText.', { pageMarkers: false });
    expect(web[0]?.text).toContain('[Page 1]');
    expect(web[0]?.page).toBeUndefined();
  });
});
