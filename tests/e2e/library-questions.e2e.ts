import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RerankEngine } from '../../lib/rag/rerank-engine';
import type { ModelServer } from '../support/model-server';
import { text } from '../support/openai-server';
import { makeTestModels, TEST_MODELS } from '../support/test-models/make-test-models';
import { readTable } from './support/aside-db';
import { useTestEmbeddingModel } from './support/embedding-model';
import { openExtensionPage } from './support/extension';
import type { ExtensionGlobal } from './support/extension-global';
import { stopServiceWorker } from './support/service-worker';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';

/**
 * Questions about the saved library: pages are indexed in the background,
 * retrieved excerpts go to the provider numbered, and the answer's citations
 * open the saved page at the cited passage.
 */
describe('library questions', () => {
  let s: Session;
  let models: ModelServer | undefined;
  const chatRequests = () => s.llm.requests.filter((r) => r.path === '/v1/chat/completions').length;
  /** The indexing status where the user is: the chat's library bar, or the Library tab. */
  const status = (where: 'chat' | 'library') =>
    s.panel.locator(where === 'chat' ? '.library-bar' : '.library-view').getByTestId('indexing-status');
  const indexed = (count: number, where: 'chat' | 'library') =>
    expect.poll(() => status(where).innerText(), { timeout: 60_000 }).toContain(`${count} pages indexed`);

  beforeAll(async () => {
    s = await startSession();
    // The model downloads and loads on first use: at load 20 that took over a minute.
    models = await useTestEmbeddingModel(s);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await models?.close();
  });

  it('answers from the right excerpts, with citations that open the passage', async () => {
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    for (const name of ['v8-blog', 'qq', 'wikipedia']) {
      await s.show(s.pages.corpusUrl(name));
      await s.panel.getByRole('button', { name: 'Save this page' }).click();
      await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe('saved');
    }
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await s.panel.getByText('My library', { exact: true }).click();
    await indexed(3, 'chat');
    s.llm.enqueue(text('Emscripten can emit standalone Wasm files that do not need its JS runtime [1].'));
    await ask(s.panel, 'How does Emscripten emit standalone Wasm files without the JS runtime?');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');

    const prompt = lastPrompt(s.llm);
    const first = prompt.slice(prompt.indexOf('[1] '), prompt.indexOf('[2] ') > 0 ? prompt.indexOf('[2] ') : undefined);
    expect(first).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16} kind="saved page excerpt"/);
    expect(first).toContain(s.pages.corpusUrl('v8-blog'));
    expect(first).toMatch(/standalone/i);
    // The page the question is about is not in context: only library excerpts are.
    expect(prompt).not.toContain('kind="web page"');

    const citation = answer.locator('.citation').first();
    const href = await citation.getAttribute('data-href');
    expect(href?.startsWith(`${s.pages.corpusUrl('v8-blog')}#:~:text=`)).toBe(true);
    const sources = answer.getByTestId('source');
    expect(await sources.count()).toBeGreaterThan(0);

    // The cited passage is on the page the citation opens.
    const opened = s.aside.context.waitForEvent('page');
    await citation.click();
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    const directive = decodeURIComponent((href ?? '').split('#:~:text=')[1] ?? '');
    const start = directive.split(',')[0] ?? '';
    expect(start.length).toBeGreaterThan(0);
    const pageText = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
    expect(pageText).toContain(start.replace(/\s+/g, ' '));
    await page.close();
  });

  it('finds Chinese text for a Chinese question', async () => {
    await newChat(s.panel);
    s.llm.enqueue(text('DNC 可以回答关于家谱和地铁线路的复杂问题 [1]。'));
    await ask(s.panel, 'DeepMind 的可微神经计算机能回答什么问题？');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    const prompt = lastPrompt(s.llm);
    const first = prompt.slice(prompt.indexOf('[1] '));
    expect(first.slice(0, 2000)).toContain('可微神经计算机');
    expect(await answer.locator('.citation').first().getAttribute('data-href')).toContain(s.pages.corpusUrl('qq'));
  });

  it('says the library does not cover a question instead of asking the model to guess', async () => {
    await newChat(s.panel);
    const before = chatRequests();
    await ask(s.panel, 'How do I cook rice with chicken?');
    await expect.poll(() => s.panel.getByTestId('not-in-library').count()).toBe(1);
    expect(chatRequests()).toBe(before);
  });

  it('asks the library once with @library while the panel is on the page', async () => {
    await newChat(s.panel);
    await s.panel.getByText('This page', { exact: true }).click();
    s.llm.enqueue(text('Mozilla was created in 1998 by members of Netscape [1].'));
    await ask(s.panel, '@library When was the Mozilla community created, and by whom?');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    expect(lastPrompt(s.llm)).toContain('saved page excerpt');
    expect(lastPrompt(s.llm)).toContain('Question: When was the Mozilla community created');
    await s.panel.getByText('My library', { exact: true }).click();
  });

  it('keeps its queue across a service-worker restart and resumes it', async () => {
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    // Paused (the request the Pause button sends), the saved pages wait, so the stop below always finds work queued.
    await s.panel.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
        aside: 1,
        type: 'ingest.control',
        payload: { action: 'pause' },
      }),
    );
    for (const paragraphs of [40, 60, 80]) {
      await s.show(s.pages.longArticleUrl(paragraphs));
      await s.panel.getByRole('button', { name: 'Save this page' }).click();
      await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe('saved');
    }
    await expect.poll(() => status('library').innerText()).toContain('3 pages waiting');

    await stopServiceWorker(s.aside);
    await status('library').getByRole('button', { name: 'Resume' }).click();
    await indexed(6, 'library');
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
  });

  it('reranks the excerpts with a cross-encoder in the browser, in its order, with its cost; a model that cannot load keeps the search order', async () => {
    makeTestModels(['reranker']);
    const question = 'How does Emscripten emit standalone Wasm files without the JS runtime?';
    const chunks = (await readTable(s.aside, 'ragChunks')) as { text: string; headingPath: string[] }[];
    /** The chunks of the prompt's excerpts, in the order the model is given them. */
    const excerptOrder = () => {
      const prompt = lastPrompt(s.llm);
      const list = prompt.slice(prompt.indexOf('Excerpts from my saved pages:'), prompt.lastIndexOf('\n\nQuestion:'));
      return list
        .split(/\n\n(?=\[\d+\] )/)
        .slice(1)
        .map(
          (excerpt) => chunks.filter((c) => excerpt.includes(c.text)).sort((a, b) => b.text.length - a.text.length)[0],
        );
    };
    const askLibrary = async () => {
      await newChat(s.panel);
      s.llm.enqueue(text('Emscripten [1].'));
      await ask(s.panel, question);
      const answer = s.panel.getByTestId('assistant-message').last();
      await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
      return answer;
    };
    // Reranking off: the hybrid search's order.
    await askLibrary();
    const searchOrder = excerptOrder();

    const options = await openExtensionPage(s.aside, 'options.html');
    const rerank = options.getByTestId('rerank-settings');
    const box = rerank.getByLabel('Rerank the top 30 excerpts');
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    // In the browser is the first choice; the model comes from the embedder's model host (the test mirror).
    expect(await rerank.getByLabel('Where to rerank').inputValue()).toBe('browser');
    await rerank.getByLabel('Cross-encoder model').fill(TEST_MODELS.reranker);
    await expect.poll(() => rerank.getByLabel('Cross-encoder model').inputValue()).toBe(TEST_MODELS.reranker);
    await options.close();

    const answer = await askLibrary();
    await expect
      .poll(() => answer.getByTestId('rerank-cost').innerText())
      .toMatch(new RegExp(`Reranked in the browser by ${TEST_MODELS.reranker} in [\\d,]+ ms`)); // grouped: "1,234 ms"
    expect(models?.downloads().map((r) => `${r.model}/${r.file}`)).toContain(
      `${TEST_MODELS.reranker}/onnx/model_quantized.onnx`,
    );
    const reranked = excerptOrder();
    expect(reranked.every(Boolean)).toBe(true);
    // The same model in Node scores the excerpts as the background sent them: the prompt is in its order...
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'aside-e2e-rerank-'));
    env.cacheDir = cacheDir;
    try {
      const scores = await new RerankEngine().score(
        { modelId: TEST_MODELS.reranker, remoteHost: models?.url ?? '', dtype: 'q8' },
        question,
        reranked.map((c) => [...(c?.headingPath ?? []), c?.text].join('\n')),
      );
      for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThanOrEqual(scores[i - 1]! + 1e-4);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
    // ...which is not the search's.
    expect(reranked.map((c) => c?.text.slice(0, 60))).not.toEqual(searchOrder.map((c) => c?.text.slice(0, 60)));

    // A model that cannot load: the search order, and the note says so.
    const again = await openExtensionPage(s.aside, 'options.html');
    const field = again.getByTestId('rerank-settings').getByLabel('Cross-encoder model');
    await field.fill('aside-test/missing');
    await expect.poll(() => field.inputValue()).toBe('aside-test/missing');
    await again.close();
    const failed = await askLibrary();
    const note = failed.getByTestId('rerank-cost');
    await expect.poll(() => note.getAttribute('data-failed')).toBe('true');
    expect(await note.innerText()).toContain('Reranking in the browser failed (aside-test/missing did not load');
    // The search's excerpts (its 30-deep order, which MMR may arrange a little differently from the 6-deep one), not the reranker's.
    const heads = (order: typeof searchOrder) => order.map((c) => c?.text.slice(0, 60) ?? '');
    const kept = heads(excerptOrder());
    expect([...kept].sort()).toEqual(heads(searchOrder).sort());
    expect(kept).not.toEqual(heads(reranked));

    // Off again, so that this file's later questions are ranked by the search alone.
    const last = await openExtensionPage(s.aside, 'options.html');
    const box2 = last.getByTestId('rerank-settings').getByLabel('Rerank the top 30 excerpts');
    await box2.click();
    await expect.poll(() => box2.isChecked()).toBe(false);
    await last.close();
  }, 180_000);

  it('after a service worker restart, says it is opening the library, or has it opened ahead when the scope is chosen', async () => {
    // Counts the answers that showed "Opening your library…": a short one may come and go between two polls.
    await s.panel.evaluate(() => {
      const w = window as unknown as { __opening: Set<Element> };
      w.__opening = new Set();
      new MutationObserver(() => {
        for (const status of document.querySelectorAll('[data-testid="library-progress"]')) {
          if (status.textContent === 'Opening your library…') w.__opening.add(status);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const openings = () => s.panel.evaluate(() => (window as unknown as { __opening: Set<Element> }).__opening.size);
    const answered = async (question: string) => {
      s.llm.enqueue(text('Mozilla was created in 1998 [1].'));
      await ask(s.panel, question);
      await expect
        .poll(() => s.panel.getByTestId('assistant-message').last().getAttribute('data-status'))
        .toBe('complete');
    };

    // On the page scope nothing opens the library ahead: the question waits for it, and says so.
    await newChat(s.panel);
    await s.panel.getByText('This page', { exact: true }).click();
    await stopServiceWorker(s.aside);
    await answered('@library When was the Mozilla community created?');
    expect(await openings()).toBe(1);

    // Choosing My library opens it in the fresh background before anything is asked.
    await newChat(s.panel);
    await stopServiceWorker(s.aside);
    await s.panel.getByText('My library', { exact: true }).click();
    await expect.poll(() => s.panel.locator('[data-library-open]').getAttribute('data-library-open')).toBe('true');
    await answered('When was the Mozilla community created, and by whom?');
    expect(await openings()).toBe(1);
    expect(lastPrompt(s.llm)).toContain('saved page excerpt');
  });
});
