import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddingServer, startEmbeddingServer } from '../support/embedding-server';
import { text } from '../support/openai-server';
import { readSetting } from './support/aside-db';
import { openExtensionPage } from './support/extension';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';

/**
 * Vectors made by an embeddings server instead of the in-browser model: the
 * user points the options page at a local OpenAI-compatible `/v1/embeddings`
 * server (with a key), the library is embedded there, and a question whose
 * words no saved page holds is answered from the excerpt its meaning matches.
 * A 429 is waited out; a server that is down is named in the library bar,
 * and questions go on by keywords. Reranking through the same server's
 * `/rerank` (TEI's format) reorders the excerpts sent to the model.
 */
describe('remote embeddings and reranking', () => {
  let s: Session;
  let server: EmbeddingServer;
  /** Swedish words no saved page holds; the server embeds each like the English word it means. */
  const synonyms = [
    ['emscripten', 'kompilatorn'],
    ['standalone', 'fristående'],
    ['wasm', 'vasm'],
    ['runtime', 'körmiljö'],
    ['javascript', 'jscript'],
  ];
  const question = 'Hur gör kompilatorn fristående vasm utan jscript körmiljö?';
  const rerankScore = (_query: string, document: string) => (document.length * 7919) % 1009;

  const embedderSection = (options: Page) => options.getByTestId('embedder-settings');
  const answered = async () => {
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    return answer;
  };
  const embeddingRequests = () => server.requests.filter((r) => r.path === '/v1/embeddings');

  beforeAll(async () => {
    s = await startSession();
    server = await startEmbeddingServer({ dims: 384, apiKey: 'sk-embed', synonyms, rerankScore });
    s.aside.audit.allow(server.origin);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  it('indexes the library on the server and answers from an excerpt only its meaning finds', async () => {
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    for (const name of ['v8-blog', 'qq', 'wikipedia']) {
      await s.show(s.pages.corpusUrl(name));
      await s.panel.getByRole('button', { name: 'Save this page' }).click();
      await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe('saved');
    }
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await s.panel.getByText('My library', { exact: true }).click();
    const bar = s.panel.locator('.library-bar');
    await expect.poll(() => bar.getByTestId('indexing-status').innerText(), { timeout: 60_000 }).toContain('3 pages');

    // Keyword search alone finds nothing for these words.
    await ask(s.panel, question);
    await expect.poll(() => s.panel.getByTestId('not-in-library').count()).toBe(1);

    const options = await openExtensionPage(s.aside, 'options.html');
    const section = embedderSection(options);
    await section.getByLabel('Make the vectors').selectOption('server');
    const fields = section.getByTestId('embedding-server');
    await fields.getByLabel('Server').selectOption('ollama');
    await fields.getByLabel('Base URL').fill(server.url);
    await fields.getByLabel('Model name').fill('test-embed');
    // Without its key the server refuses, and the options page says so.
    await fields.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => fields.getByTestId('model-status').innerText())
      .toContain(`The embeddings server ${new URL(server.url).host} refused the key`);
    await fields.getByLabel('API key').fill('sk-embed');
    await fields.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => fields.innerText()).toContain(`A key is saved for ${server.origin}`);
    const keyed = embeddingRequests().length;
    await fields.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => fields.getByTestId('model-status').innerText())
      .toContain(`Connected: test-embed on ${new URL(server.url).host}, 384 dimensions`);
    await options.close();

    // The library is embedded on the server; its vectors then cover every page.
    const remoteId = `remote:${server.url}#test-embed`;
    await expect.poll(() => readSetting(s.aside, 'indexedModel'), { timeout: 90_000 }).toBe(remoteId);
    expect(
      embeddingRequests()
        .slice(keyed)
        .every((r) => r.headers.authorization === 'Bearer sk-embed'),
    ).toBe(true);
    expect(embeddingRequests().some((r) => JSON.stringify(r.body.input).includes('standalone Wasm'))).toBe(true);

    await newChat(s.panel);
    s.llm.enqueue(text('Emscripten kan skapa fristående Wasm-filer [1].'));
    await ask(s.panel, question);
    await answered();
    expect(embeddingRequests().at(-1)?.body.input).toEqual([question]);
    const prompt = lastPrompt(s.llm);
    const first = prompt.slice(prompt.indexOf('[1] '), prompt.indexOf('[2] ') > 0 ? prompt.indexOf('[2] ') : undefined);
    expect(first).toContain(s.pages.corpusUrl('v8-blog'));
    expect(first).toMatch(/standalone/i);
  }, 180_000);

  it('waits out a 429 from the server and answers', async () => {
    await newChat(s.panel);
    const before = server.requests.length;
    server.fail(429, 2, 0);
    s.llm.enqueue(text('Ja [1].'));
    await ask(s.panel, question);
    await answered();
    expect(server.requests.length - before).toBe(3);
    expect(lastPrompt(s.llm)).toContain(s.pages.corpusUrl('v8-blog'));
  });

  it('names a server that is down, answers by keywords meanwhile, and recovers with Retry', async () => {
    await newChat(s.panel);
    server.setDown(true);
    await ask(s.panel, question);
    await expect.poll(() => s.panel.getByTestId('not-in-library').count()).toBe(1);
    const status = s.panel.locator('.library-bar').getByTestId('semantic-status');
    await expect
      .poll(() => status.innerText())
      .toContain(`The embeddings server ${new URL(server.url).host} is not answering`);
    server.setDown(false);
    await status.getByRole('button', { name: 'Retry' }).click();
    await newChat(s.panel);
    s.llm.enqueue(text('Ja [1].'));
    await ask(s.panel, question);
    await answered();
    expect(lastPrompt(s.llm)).toContain(s.pages.corpusUrl('v8-blog'));
  });

  it('reranks the top candidates through /rerank and sends them in its order, with its cost shown', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    const rerank = options.getByTestId('rerank-settings');
    // The box shows the stored setting, which the background writes: it turns on a moment after the click.
    const box = rerank.getByLabel('Rerank the top 30 excerpts');
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    // In the browser comes first; with the vectors made on a server, its model host is chosen here.
    await expect.poll(() => rerank.getByLabel('Model host').count()).toBe(1);
    await rerank.getByLabel('Where to rerank').selectOption('server');
    await rerank.getByLabel('Rerank endpoint', { exact: true }).fill(`${server.origin}/rerank`);
    await rerank.getByLabel('API key').fill('sk-embed');
    await rerank.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => rerank.innerText()).toContain(`A key is saved for ${server.origin}`);
    await options.close();

    await newChat(s.panel);
    s.llm.enqueue(text('Emscripten [1].'));
    await ask(s.panel, 'How does Emscripten emit standalone Wasm files without the JS runtime?');
    const answer = await answered();
    const call = server.requests.filter((r) => r.path === '/rerank').at(-1);
    const documents = (call?.body.texts ?? []) as string[];
    expect(documents.length).toBeGreaterThan(6);
    expect(documents.length).toBeLessThanOrEqual(30);
    expect(call?.headers.authorization).toBe('Bearer sk-embed');
    // The excerpts go to the model in the reranker's order, not the search's.
    const scores = documents.map((d) => rerankScore('', d));
    const best = documents[scores.indexOf(Math.max(...scores))] ?? '';
    const prompt = lastPrompt(s.llm);
    const first = prompt.slice(prompt.indexOf('[1] '), prompt.indexOf('[2] '));
    const bestText = best.split('\n').at(-1) ?? '';
    expect(first).toContain(bestText.slice(0, 80));
    expect(documents[0]).not.toBe(best);
    await expect
      .poll(() => answer.getByTestId('rerank-cost').innerText())
      .toMatch(new RegExp(`Reranked by ${new URL(server.url).host.replace('.', '\\.')} in \\d+ ms`));
  }, 120_000);
});
