/**
 * The library benchmark's hands in the browser: loading the seeder into an
 * extension page, reading the corpus it builds pages from, and timing a
 * Save click and a question in the real side panel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { corporaDir } from '../tests/e2e/support/page-server';
import { type OpenAIServer, type RecordedRequest, text } from '../tests/support/openai-server';
import type { SeedOptions } from './library-seed';

/** Paragraphs and headings of the real pages of the Readability corpus (English and Chinese). */
export function corpusText(): { paragraphs: string[]; headings: string[] } {
  const dir = path.join(corporaDir, 'readability');
  const paragraphs: string[] = [];
  const headings: string[] = [];
  const strip = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  for (const name of fs.readdirSync(dir).sort()) {
    const html = fs.readFileSync(path.join(dir, name, 'expected.html'), 'utf8');
    for (const match of html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
      const text = strip(match[1] ?? '');
      if (text.length >= 80) paragraphs.push(text);
    }
    for (const match of html.matchAll(/<h[2-4][^>]*>([\s\S]*?)<\/h[2-4]>/g)) {
      const text = strip(match[1] ?? '');
      if (text.length >= 3 && text.length <= 80) headings.push(text);
    }
  }
  return { paragraphs, headings };
}

/** Bundles bench/library-seed.ts with the product code it imports and defines it in the page. */
export async function loadSeeder(page: Page): Promise<void> {
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'library-seed.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__librarySeed',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  });
  const code = out.outputFiles[0]?.text;
  if (!code) throw new Error('the seeder did not bundle');
  // Evaluated over the DevTools protocol, which the extension page's CSP does not govern.
  await page.evaluate(`${code}\nglobalThis.__librarySeed = __librarySeed;`);
}

/** Runs the seeder in the page (see library-seed.ts). */
export function seed(page: Page, options: SeedOptions): Promise<{ pages: number; chunks: number }> {
  return page.evaluate(
    (o) =>
      (
        globalThis as unknown as {
          __librarySeed: { seedLibrary: (o: SeedOptions) => Promise<{ pages: number; chunks: number }> };
        }
      ).__librarySeed.seedLibrary(o),
    options,
  );
}

/** Sends one typed background request from an extension page, as the UI does. */
export async function request<T>(page: Page, type: string, payload: object): Promise<T> {
  const reply = (await page.evaluate(
    ({ type, payload }) =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ aside: 1, type, payload }),
    { type, payload },
  )) as { ok: boolean; value?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/**
 * Clicks Save this page in the panel's Library tab and times, in the panel:
 * the click → the outcome shown ("Saved to your library."), and the click →
 * the indexing bar counting the page as indexed (`indexedAfter` pages).
 */
export async function timeSave(panel: Page, indexedAfter: number): Promise<{ saveMs: number; indexedMs: number }> {
  await panel.evaluate((expected) => {
    const w = window as unknown as { __save: { clicked?: number; saved?: number; indexed?: number } };
    w.__save = {};
    const stamp = () => performance.timeOrigin + performance.now();
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save this page');
    const before = document.querySelector('[data-testid="save-outcome"]');
    button?.addEventListener('click', () => (w.__save.clicked = stamp()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (w.__save.clicked === undefined) return;
      const outcome = document.querySelector('[data-testid="save-outcome"]');
      if (w.__save.saved === undefined && outcome && outcome !== before) w.__save.saved = stamp();
      const status = document.querySelector('.library-view [data-testid="indexing-status"]')?.textContent ?? '';
      // The count as shown, with or without a thousands separator.
      const indexed = status.replace(/(\d)[,\s](?=\d{3})/g, '$1').includes(`${expected} pages indexed`);
      if (w.__save.indexed === undefined && indexed) w.__save.indexed = stamp();
      if (w.__save.saved !== undefined && w.__save.indexed !== undefined) observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, String(indexedAfter));
  await panel.getByRole('button', { name: 'Save this page' }).click();
  await panel.waitForFunction(
    () => {
      const s = (window as unknown as { __save: { saved?: number; indexed?: number } }).__save;
      return s.saved !== undefined && s.indexed !== undefined;
    },
    undefined,
    { timeout: 120_000 },
  );
  const times = await panel.evaluate(
    () => (window as unknown as { __save: { clicked: number; saved: number; indexed: number } }).__save,
  );
  return { saveMs: times.saved - times.clicked, indexedMs: times.indexed - times.clicked };
}

/** Words of the RAG-Fusion rewrite request's instructions (lib/rag/rewrite-prompt.ts). */
const rewriteMarker = 'You rewrite a question';

/**
 * Asks a question in _My library_ and times Enter → the first byte of the
 * request at the provider. Null when the library had nothing for it (no request).
 */
export async function timeAsk(
  panel: Page,
  llm: OpenAIServer,
  question: string,
  answer: string,
  /** RAG-Fusion on: the rewrites the test model returns at once; the time is then to the answer's request. */
  rewrites?: readonly string[],
): Promise<number | null> {
  await panel.getByRole('button', { name: /New chat/ }).click();
  await panel.getByText('My library', { exact: true }).click();
  await panel.evaluate(() => {
    const w = window as unknown as { __ask: { keydown?: number } };
    w.__ask = {};
    const onKeydown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      w.__ask.keydown = performance.timeOrigin + performance.now();
      document.removeEventListener('keydown', onKeydown, { capture: true });
    };
    document.addEventListener('keydown', onKeydown, { capture: true });
  });
  const before = llm.requests.length;
  // Replies chosen by the request, so one left unused (the library had nothing) cannot answer the wrong request.
  const reply = (request: RecordedRequest) =>
    JSON.stringify(request.body).includes(rewriteMarker) ? text(JSON.stringify(rewrites ?? [])) : text(answer);
  llm.enqueue(...(rewrites ? [reply, reply] : [reply]));
  const box = panel.getByRole('textbox').last();
  await box.fill(question);
  await box.press('Enter');
  const notFound = panel.getByTestId('not-in-library');
  for (let waited = 0; waited < 30_000; waited += 20) {
    const sent = llm.requests
      .slice(before)
      .find((r) => r.path.endsWith('/chat/completions') && !JSON.stringify(r.body).includes(rewriteMarker));
    if (sent) {
      const { keydown } = await panel.evaluate(() => (window as unknown as { __ask: { keydown: number } }).__ask);
      await panel.getByTestId('assistant-message').last().and(panel.locator('[data-status="complete"]')).waitFor();
      return sent.receivedAt - keydown;
    }
    if ((await notFound.count()) > 0) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no request and no "not in your library" for: ${question}`);
}
