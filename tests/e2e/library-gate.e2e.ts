import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageRecord } from '../../lib/db/records';
import { toLibraryFile } from '../../lib/library/library-file';
import { contentHash, countWords } from '../../lib/library/page-record';
import { readabilityCorpus } from '../support/library-dev-index';
import { answerable } from '../support/library-dev-set';
import { error, type RecordedRequest, text } from '../support/openai-server';
import { readSetting } from './support/aside-db';
import { openExtensionPage } from './support/extension';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';

/**
 * Keyword search alone (semantic search off, the default) on a library of
 * real, unrelated pages: a question the library does not cover is answered
 * "not in your library" without asking the model, and a question that names
 * a page only by its title finds it.
 */
describe('library questions with keyword search only', () => {
  let s: Session;
  /** The real corpus pages the development set asks about: 81 articles on unrelated subjects. */
  const ids = [...new Set(answerable.flatMap((q) => q.pages))];
  const chatRequests = () => s.llm.requests.filter((r) => r.path === '/v1/chat/completions').length;

  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(() => s?.close());

  it('indexes a library of 50+ real pages imported from an export file', { timeout: 300_000 }, async () => {
    // Each page's article as Readability extracts it (the corpus' expected.html) and its title, in the
    // file a user's export writes. Not captured again here: 81 JSDOM captures take minutes on a busy machine.
    const pages = await Promise.all(ids.map((id, i) => corpusPage(id, s.pages.corpusUrl(id), i)));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aside-gate-')), 'library.json');
    fs.writeFileSync(file, JSON.stringify(toLibraryFile(pages, [])));
    expect(ids.length).toBeGreaterThanOrEqual(50);

    await s.panel.getByRole('tab', { name: 'Library' }).click();
    await s.panel.getByTestId('import-file').setInputFiles(file);
    // The import's result, or its error, shows next to the button (81 pages take a while on a busy machine).
    await expect
      .poll(() => s.panel.locator('.export-import').innerText(), { timeout: 120_000 })
      .toContain(`${ids.length} added`);
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await s.panel.getByText('My library', { exact: true }).click();
    const status = s.panel.locator('.library-bar').getByTestId('indexing-status');
    await expect.poll(() => status.innerText(), { timeout: 120_000 }).toContain(`${ids.length} pages indexed`);
    // Semantic search is off: keyword search answers alone; the offer to turn it on is behind ⓘ.
    const bar = s.panel.locator('.library-bar');
    await bar.getByRole('button', { name: 'About answers from your library' }).click();
    await expect.poll(() => bar.getByRole('button', { name: 'Turn on semantic search' }).count()).toBe(1);
    await bar.getByRole('button', { name: 'About answers from your library' }).click();
  });

  it('answers an off-topic question "not in your library", in English and Chinese, without asking the model', async () => {
    for (const question of ['How do I change a flat tire on my car?', '如何用电饭锅煮米饭？']) {
      await newChat(s.panel);
      const before = chatRequests();
      await ask(s.panel, question);
      await expect.poll(() => s.panel.getByTestId('not-in-library').count()).toBe(1);
      expect(chatRequests()).toBe(before);
    }
  });

  it('finds a page by a word only its title holds', async () => {
    // The premise: "colophon" is in the page's title, not in its text or headings.
    const captured = await corpusPage('daringfireball-1', s.pages.corpusUrl('daringfireball-1'), 0);
    expect(captured.title).toMatch(/Colophon/);
    expect(captured.markdown).not.toMatch(/colophon/i);

    await newChat(s.panel);
    s.llm.enqueue(text('Daring Fireball is published with Movable Type [1].'));
    await ask(s.panel, 'What does the colophon say?');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    const prompt = lastPrompt(s.llm);
    const first = prompt.slice(prompt.indexOf('[1] '), prompt.indexOf('[2] ') > 0 ? prompt.indexOf('[2] ') : undefined);
    expect(first).toContain(s.pages.corpusUrl('daringfireball-1'));
    // The excerpt heading names the page once: "Title › Section", never "Title › Title".
    expect(prompt).not.toContain(`${captured.title} › ${captured.title}`);
    expect(await answer.locator('.citation').first().getAttribute('data-href')).toContain(
      s.pages.corpusUrl('daringfireball-1'),
    );
  });

  it('with RAG-Fusion on, sends the rewrites request and cites an excerpt only a rewrite found; a failed rewrite still answers', async () => {
    const question = 'What does the colophon say?';
    const metroid = s.pages.corpusUrl('lazy-image-2');
    // The premise: the question alone (fusion off, asked in the test above) brings no excerpt of the Metroid page.
    expect(lastPrompt(s.llm)).toContain(s.pages.corpusUrl('daringfireball-1'));
    expect(lastPrompt(s.llm)).not.toContain(metroid);

    const options = await openExtensionPage(s.aside, 'options.html');
    await options.getByLabel('Rewrite library questions before searching').selectOption('on');
    // The options page writes through the background; the question waits until the setting is stored.
    await expect.poll(() => readSetting(s.aside, 'ragFusion')).toEqual({ mode: 'on' });
    await options.close();

    const rewrites = ['Daring Fireball colophon', 'What is Phazon in Metroid?', 'Daring Fireball 版权说明'];
    const isRewrite = (request: RecordedRequest) => JSON.stringify(request.body).includes('You rewrite a question');
    s.llm.enqueue(text(JSON.stringify(rewrites)), (request) => {
      // The answer cites the excerpt of the page only a rewrite found, by the number the prompt gave it.
      const prompt = (request.body as { messages: { content: string }[] }).messages.at(-1)?.content ?? '';
      const n = [...prompt.matchAll(/^\[(\d+)\] (.*)$/gm)].find((line) => line[2]?.includes(metroid))?.[1] ?? '0';
      return text(`Phazon is a radioactive substance [${n}].`);
    });
    await newChat(s.panel);
    await ask(s.panel, question);
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');

    const sent = s.llm.requests.filter((r) => r.path === '/v1/chat/completions').slice(-2);
    expect(sent.map(isRewrite)).toEqual([true, false]);
    // The rewrite request carries the question only, and asks for the other language too (the library holds both).
    const rewriteBody = sent[0]?.body as { messages: { role: string; content: string }[] };
    expect(rewriteBody.messages.filter((m) => m.role !== 'system')).toEqual([{ role: 'user', content: question }]);
    expect(rewriteBody.messages[0]?.content).toContain('Simplified Chinese');
    expect(lastPrompt(s.llm)).toContain(metroid);
    expect(await answer.locator('.citation').first().getAttribute('data-href')).toContain(metroid);

    const shown = answer.getByTestId('query-rewrites');
    await shown.locator('summary').click();
    expect(await shown.getByTestId('query-rewrite').allInnerTexts()).toEqual(rewrites);
    // The test server reports usage, so the cost is the provider's count, not an estimate.
    expect(await shown.getByTestId('query-rewrites-cost').innerText()).toMatch(/\d+ tokens \(\d+ in, \d+ out\)/);

    // The provider fails the rewrite request: the question is searched as asked, and answered.
    s.llm.enqueue(error(500), text('Daring Fireball is published with Movable Type [1].'));
    await newChat(s.panel);
    await ask(s.panel, question);
    const plain = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => plain.getAttribute('data-status')).toBe('complete');
    expect(await plain.innerText()).toContain('Movable Type');
    expect(lastPrompt(s.llm)).not.toContain(metroid);
    expect(await plain.getByTestId('query-rewrites').count()).toBe(0);
    expect(await plain.getByRole('alert').count()).toBe(0);
  });
});

/** A corpus page as a stored page: its title and metadata, and its article (expected.html) as Markdown. */
async function corpusPage(id: string, url: string, i: number): Promise<PageRecord> {
  const folder = path.join(readabilityCorpus, id);
  const meta = JSON.parse(fs.readFileSync(path.join(folder, 'expected-metadata.json'), 'utf8')) as {
    title: string;
    byline?: string | null;
    siteName?: string | null;
    lang?: string | null;
    excerpt?: string | null;
  };
  const markdown = articleMarkdown(fs.readFileSync(path.join(folder, 'expected.html'), 'utf8'));
  return {
    id: `page-${i}`,
    url,
    title: meta.title,
    byline: meta.byline ?? null,
    siteName: meta.siteName ?? null,
    lang: meta.lang ?? null,
    excerpt: meta.excerpt ?? null,
    markdown,
    contentHash: await contentHash(markdown),
    wordCount: countWords(markdown),
    method: 'readability',
    cutAtCapture: false,
    source: 'saved',
    tags: [],
    savedAt: i,
    updatedAt: i,
    terms: [],
  };
}

/** Headings as Markdown headings, blocks as paragraphs, tags dropped: enough Markdown for chunking. */
function articleMarkdown(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<h([1-6])[^>]*>/gi, (_, level: string) => `\n\n${'#'.repeat(Number(level))} `)
    .replace(/<\/(h[1-6]|p|li|div|blockquote|pre|tr|figcaption)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n(\s*\n)+/g, '\n\n')
    .trim();
}
