import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleText } from '../../bench/embed-chunks';
import { centerOf, residual } from '../../lib/rag/vector-center';
import type { ModelServer } from '../support/model-server';
import { text } from '../support/openai-server';
import { makeTestModels, TEST_MODELS } from '../support/test-models/make-test-models';
import { readTable } from './support/aside-db';
import { useTestEmbeddingModel } from './support/embedding-model';
import { openExtensionPage } from './support/extension';
import type { ExtensionGlobal } from './support/extension-global';
import { installGpuProbe, loseGpuDeviceAfter, lostGpuDevices } from './support/offscreen-devtools';
import { ask, lastPrompt, newChat, type Session, startSession } from './support/session';

/**
 * The embedder on WebGPU, the path most users take, run in Chromium on
 * SwiftShader (Chromium's software GPU: real WebGPU results, not GPU speed),
 * checked against the same extension on WebAssembly.
 */
const pages = ['v8-blog', 'qq', 'wikipedia'];
const questions = [
  'How does Emscripten emit standalone Wasm files without the JS runtime?',
  'DeepMind 的可微神经计算机能回答什么问题？',
];

/** Saves the corpus pages, waits for them to be indexed, asks the questions; the prompts without nonces or ports. */
async function indexAndAsk(s: Session): Promise<string[]> {
  await s.panel.getByRole('tab', { name: 'Library' }).click();
  for (const name of pages) {
    await s.show(s.pages.corpusUrl(name));
    await s.panel.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe('saved');
  }
  await s.panel.getByRole('tab', { name: 'Chat' }).click();
  await s.panel.getByText('My library', { exact: true }).click();
  await indexed(s, 3);
  const prompts: string[] = [];
  for (const question of questions) {
    await newChat(s.panel);
    s.llm.enqueue(text('An answer [1].'));
    await ask(s.panel, question);
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    prompts.push(
      lastPrompt(s.llm)
        .replace(/UNTRUSTED_CONTENT_[0-9a-f]{16}/g, 'NONCE')
        .replaceAll(s.pages.origin, 'ORIGIN'),
    );
  }
  return prompts;
}

/** The library bar in the chat (My library). */
const bar = (s: Session) => s.panel.locator('.library-bar').getByTestId('indexing-status');
const indexed = (s: Session, count: number) =>
  expect.poll(() => bar(s).innerText(), { timeout: 120_000 }).toContain(`${count} pages indexed`);

/** Vectors from the embedder host itself (the request the background makes), fp32 weights, on the backend asked for. */
async function hostVectors(s: Session, modelId: string, host: string, prefer: 'auto' | 'wasm', texts: string[]) {
  const reply = (await s.aside.serviceWorker.evaluate(
    (payload) =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
        aside: 1,
        type: 'offscreen.embed',
        payload,
      }),
    { config: { modelId, remoteHost: host, dtype: 'fp32' as const }, prefer, texts, batchSize: 4 },
  )) as { ok: boolean; value?: { dims: number; vectors: string; backend: string }; error?: unknown };
  if (!reply.ok || !reply.value) throw new Error(`embedding failed: ${JSON.stringify(reply.error)}`);
  const { dims, vectors, backend } = reply.value;
  const all = new Float32Array(Uint8Array.from(Buffer.from(vectors, 'base64')).buffer);
  return { backend, rows: texts.map((_, i) => all.subarray(i * dims, (i + 1) * dims)) };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < a.length; j++) {
    dot += a[j]! * b[j]!;
    na += a[j]! * a[j]!;
    nb += b[j]! * b[j]!;
  }
  return dot / Math.sqrt(na * nb);
}

/** Windows of real article text: 130 English words (about a chunk's 200 tokens) or 90 hanzi (the Chinese corpus page is short). */
function chunksOf(name: string, count: number, cjk: boolean): string[] {
  const all = articleText(name);
  const words = all.split(' ');
  const chunks = cjk
    ? Array.from({ length: Math.floor(all.length / 90) }, (_, i) => all.slice(i * 90, (i + 1) * 90))
    : Array.from({ length: Math.floor(words.length / 130) }, (_, i) => words.slice(i * 130, (i + 1) * 130).join(' '));
  expect(chunks.length).toBeGreaterThanOrEqual(count);
  return chunks.slice(0, count);
}

let wasmPrompts: string[] = [];

/** The excerpts of a prompt, whole (header and text), without their numbers, in order. */
function excerpts(prompt: string): string[] {
  return prompt
    .split(/\n(?=\[\d+\] <<<)/)
    .slice(1)
    .map((excerpt) => excerpt.replace(/^\[\d+\] /, '').split('\nNONCE>>>')[0] ?? '');
}

/** The page an excerpt comes from (its url attribute). */
const pageOf = (excerpt: string | undefined) => /url="([^"]*)"/.exec(excerpt ?? '')?.[1];

describe('embedder on WebAssembly (no GPU), the reference', () => {
  let s: Session;
  let models: ModelServer | undefined;
  beforeAll(async () => {
    s = await startSession();
    models = await useTestEmbeddingModel(s);
  }, 300_000);
  afterAll(async () => {
    await s?.close();
    await models?.close();
  });

  it('indexes the library on WebAssembly and says so in the library bar', async () => {
    wasmPrompts = await indexAndAsk(s);
    const line = bar(s).getByTestId('embed-backend');
    expect(await line.getAttribute('data-backend')).toBe('wasm');
    expect(await line.innerText()).toBe(
      'The embedding model runs on WebAssembly (the processor): this browser offers no WebGPU.',
    );
  });
});

describe('embedder on WebGPU (SwiftShader)', () => {
  let s: Session;
  let models: ModelServer | undefined;
  beforeAll(async () => {
    makeTestModels(['tiny', 'minilm']);
    s = await startSession({ webgpu: 'swiftshader' });
    // Before the embedder's first WebGPU job, so that a test can take its GPU device away later.
    await installGpuProbe(s.aside);
    models = await useTestEmbeddingModel(s);
  }, 300_000);
  afterAll(async () => {
    await s?.close();
    await models?.close();
  });

  it('indexes the library on WebGPU and answers from the same excerpts as on WebAssembly', async () => {
    const prompts = await indexAndAsk(s);
    const line = bar(s).getByTestId('embed-backend');
    expect(await line.getAttribute('data-backend')).toBe('webgpu');
    expect(await line.innerText()).toBe('The embedding model runs on WebGPU (the graphics processor).');
    expect(wasmPrompts).toHaveLength(2);
    // WebAssembly runs the int8 weights and WebGPU the fp32 ones (the vectors of the same weights match, next
    // test), so two passages of a page that score almost alike may swap. What the answer rests on may not change:
    // the leading excerpt comes from the same page, and each side's leading excerpt is among the other's excerpts.
    for (const [i, prompt] of prompts.entries()) {
      const gpu = excerpts(prompt);
      const cpu = excerpts(wasmPrompts[i]!);
      expect(gpu.length).toBeGreaterThan(0);
      expect(pageOf(gpu[0])).toBe(pageOf(cpu[0]));
      expect(cpu).toContain(gpu[0]);
      expect(gpu).toContain(cpu[0]);
    }
    expect(pageOf(excerpts(prompts[0]!)[0])).toBe('ORIGIN/corpus/v8-blog/');
    expect(pageOf(excerpts(prompts[1]!)[0])).toBe('ORIGIN/corpus/qq/');
  }, 180_000);

  it('computes the same vectors on WebGPU as on WebAssembly (English and Chinese, raw and centered)', async () => {
    // Four chunks of each language on the tiny model. The MiniLM-shaped one adds MiniLM's operator set; on
    // SwiftShader its WebGPU session alone takes about a minute to build (every kernel is compiled on the CPU),
    // and four chunks of each language took 98 s of the suite, so it gets two short passages: 30 words, 30 hanzi.
    const texts = [...chunksOf('v8-blog', 4, false), ...chunksOf('qq', 4, true)];
    const short = [texts[0]!.split(' ').slice(0, 30).join(' '), texts[4]!.slice(0, 30)];
    const perModel = [
      [TEST_MODELS.tiny, texts],
      [TEST_MODELS.minilm, short],
    ] as const;
    for (const [model, inputs] of perModel) {
      const started = Date.now();
      const gpu = await hostVectors(s, model, models!.url, 'auto', inputs);
      const cpu = await hostVectors(s, model, models!.url, 'wasm', inputs);
      expect([gpu.backend, cpu.backend]).toEqual(['webgpu', 'wasm']);
      // Stored vectors are int8 codes of `vector − center` (lib/rag/vector-center.ts): compare those too.
      const center = centerOf(cpu.rows)!;
      const raw = inputs.map((_, i) => cosine(gpu.rows[i]!, cpu.rows[i]!));
      const centered = inputs.map((_, i) => cosine(residual(gpu.rows[i]!, center), residual(cpu.rows[i]!, center)));
      console.log(
        model,
        'min cosine raw',
        Math.min(...raw),
        'centered',
        Math.min(...centered),
        `${Date.now() - started} ms`,
      );
      for (const value of [...raw, ...centered]) expect(value).toBeGreaterThanOrEqual(0.999);
    }
  }, 600_000);

  it('runs on WebAssembly when the options say so, and still indexes', async () => {
    await chooseBackend(s, 'WebAssembly only (the processor)');
    await savePage(s, 'daringfireball-1');
    await indexed(s, 4);
    const line = bar(s).getByTestId('embed-backend');
    expect(await line.getAttribute('data-backend')).toBe('wasm');
    expect(await line.innerText()).toBe(
      'The embedding model runs on WebAssembly (the processor), as set in the options.',
    );
    // Indexed with the model's vectors, not by keywords only.
    expect((await vectorsByPage(s)).size).toBe(4);
    await chooseBackend(s, 'WebGPU when the browser offers it, otherwise WebAssembly');
  });

  it('falls back to WebAssembly when the GPU device is lost mid-ingest, keeps what was indexed, and answers', async () => {
    const before = await vectorsByPage(s);
    expect(before.size).toBe(4);
    // The device goes right after ONNX Runtime's first GPU submission of the next job: in the middle of a page.
    await loseGpuDeviceAfter(s.aside, 1);
    await savePage(s, 'bbc-1');
    await indexed(s, 5);
    expect(await lostGpuDevices(s.aside)).toBeGreaterThan(0);
    const line = bar(s).getByTestId('embed-backend');
    expect(await line.getAttribute('data-backend')).toBe('wasm');
    expect(await line.innerText()).toMatch(
      /^The embedding model runs on WebAssembly \(the processor\): WebGPU failed \(The WebGPU device was lost \(destroyed: .+\)\)\. Nothing indexed was lost\.$/,
    );
    // Every vector stored before the loss is still there, and the new page has its own.
    const after = await vectorsByPage(s);
    expect(after.size).toBe(5);
    for (const [page, chunks] of before) expect(after.get(page)).toEqual(chunks);
    await newChat(s.panel);
    s.llm.enqueue(text('An answer [1].'));
    await ask(s.panel, 'What did Obama call the biggest frustration of his presidency?');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    const prompt = lastPrompt(s.llm).replaceAll(s.pages.origin, 'ORIGIN');
    expect(pageOf(excerpts(prompt)[0])).toBe('ORIGIN/corpus/bbc-1/');
  }, 180_000);
});

/** Saves a corpus page from the panel's Library tab, then goes back to the chat. */
async function savePage(s: Session, name: string): Promise<void> {
  await s.panel.getByRole('tab', { name: 'Library' }).click();
  await s.show(s.pages.corpusUrl(name));
  await s.panel.getByRole('button', { name: 'Save this page' }).click();
  await expect.poll(() => s.panel.getByTestId('save-outcome').getAttribute('data-outcome')).toBe('saved');
  await s.panel.getByRole('tab', { name: 'Chat' }).click();
}

/** Picks where the embedding model runs in the options page, as a person does. */
async function chooseBackend(s: Session, label: string): Promise<void> {
  const options = await openExtensionPage(s.aside, 'options.html');
  const select = options.getByTestId('embedder-settings').getByLabel('Run the model on');
  await select.selectOption({ label });
  await expect.poll(() => select.locator('option:checked').innerText()).toBe(label);
  await options.close();
}

/** The stored vectors of the test model: each page's chunk ids, sorted. */
async function vectorsByPage(s: Session): Promise<Map<string, string[]>> {
  const blocks = (await readTable(s.aside, 'ragVectorBlocks')) as {
    modelId: string;
    chunkIds: string[];
    rowPages: string[];
  }[];
  const pages = new Map<string, string[]>();
  for (const block of blocks.filter((b) => b.modelId === TEST_MODELS.tiny))
    for (const [row, page] of block.rowPages.entries())
      pages.set(page, [...(pages.get(page) ?? []), block.chunkIds[row]!]);
  for (const chunks of pages.values()) chunks.sort();
  return pages;
}
