import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelServer, startModelServer } from '../support/model-server';
import { makeTestModels, TEST_MODELS } from '../support/test-models/make-test-models';
import { type AsideBrowser, launchAside, openExtensionPage } from './support/extension';
import type { ExtensionGlobal } from './support/extension-global';

interface EmbedReply {
  ok: boolean;
  value?: { modelId: string; dims: number; vectors: string; backend: string };
  error?: { code: string };
}

/** Embeds through the background's real request, decoding the base64 vectors, and returns pairwise cosines to the first text. */
/** What the options page noted while the test watched it (see the progress bar below). */
interface Watched {
  firstProgress: Promise<{ max: string; text: string }>;
}

async function embedInExtension(page: Page, texts: string[]) {
  return page.evaluate(async (texts) => {
    const reply = (await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
      aside: 1,
      type: 'embedder.embed',
      payload: { texts, kind: 'passage' },
    })) as EmbedReply;
    if (!reply.ok || !reply.value) return { reply, cosines: [] };
    const bytes = Uint8Array.from(atob(reply.value.vectors), (c) => c.charCodeAt(0));
    const all = new Float32Array(bytes.buffer);
    const { dims } = reply.value;
    const row = (i: number) => all.subarray(i * dims, (i + 1) * dims);
    const cosines = texts.map((_, i) => row(0).reduce((sum, x, d) => sum + x * row(i)[d]!, 0));
    return { reply: { ...reply, value: { ...reply.value, vectors: '' } }, cosines };
  }, texts);
}

/** The embedder in the built extension: download with progress from the configured host, cache, errors, retry. */
describe('local embedder', () => {
  let aside: AsideBrowser;
  let server: ModelServer;
  beforeAll(async () => {
    makeTestModels(['tiny']);
    server = await startModelServer();
    aside = await launchAside();
    // The model host the user configures is the only new place the browser may reach.
    aside.audit.allow(server.origin);
  });
  afterAll(async () => {
    await aside?.close();
    await server?.close();
  });

  it('reports an unreachable host clearly, downloads with a progress bar on retry, then embeds from the cache', async () => {
    const options = await openExtensionPage(aside, 'options.html');
    const section = options.getByTestId('embedder-settings');
    await server.fail('unreachable');
    await section.getByLabel('Embedding model').fill(TEST_MODELS.tiny);
    await section.getByLabel('Model host').selectOption('mirror');
    await section.getByLabel('Mirror URL').fill(server.url);
    await section.getByRole('button', { name: 'Download and test the model' }).click();

    const status = options.getByTestId('model-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('error');
    const alert = status.getByRole('alert');
    expect(await alert.getAttribute('data-error-code')).toBe('model-unreachable');
    expect(await alert.innerText()).toContain('Check your connection and the model host');
    expect(server.downloads()).toEqual([]);

    // The host comes back, slowly enough for the progress bar to be seen.
    await server.fail('none');
    server.throttle(400_000);
    // The bar and its words are read in the page the moment the bar knows the size: polled from here, a
    // download of a few seconds can end between two polls on a loaded machine.
    await options.evaluate(() => {
      (globalThis as unknown as Watched).firstProgress = new Promise((resolve, reject) => {
        const check = () => {
          const shown = document.querySelector<HTMLElement>('[data-testid="model-status"]');
          const max = shown?.querySelector('[data-testid="model-progress"]')?.getAttribute('max') ?? '';
          if (!shown || !/^\d{6,}$/.test(max)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve({ max, text: shown.innerText });
        };
        const observer = new MutationObserver(check);
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('no progress bar of known size in 60 s'));
        }, 60_000);
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await status.getByRole('button', { name: 'Retry' }).click();
    const seen = await options.evaluate(() => (globalThis as unknown as Watched).firstProgress);
    expect(seen.text).toMatch(/Downloading [\d.]+ of [\d.]+ MB/);
    // Downloaded, the model is loaded and tried: at load 25 that took over 30 s.
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 90_000 }).toBe('ready');
    expect(await status.innerText()).toContain(`Ready: ${TEST_MODELS.tiny}, 128 dimensions`);
    const downloaded = server.downloads().map((r) => `${r.model}/${r.file}`);
    expect(downloaded).toContain(`${TEST_MODELS.tiny}/onnx/model_quantized.onnx`);
    expect(downloaded).toContain(`${TEST_MODELS.tiny}/tokenizer.json`);
    server.throttle(null);

    // A fresh embedder host (as after a browser restart) opens the model from the cache: nothing is downloaded again.
    await aside.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }
      ).chrome.offscreen.closeDocument(),
    );
    const before = server.requests.length;
    const { reply, cosines } = await embedInExtension(options, [
      'the cat sat on the mat',
      'a cat sat on a small mat',
      'stock market news from the exchange',
    ]);
    expect(reply.ok).toBe(true);
    expect(reply.value?.dims).toBe(128);
    expect(cosines[0]).toBeCloseTo(1, 4);
    expect(cosines[1]!).toBeGreaterThan(cosines[2]! + 0.2);
    expect(server.requests.slice(before).filter((r) => r.method === 'GET')).toEqual([]);
  }, 180_000);
});
