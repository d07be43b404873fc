import { browser } from 'wxt/browser';

let opening: Promise<void> | null = null;

/**
 * Opens Aside's offscreen document unless it is open. Reason WORKERS: it runs
 * ONNX Runtime's WASM (and its worker threads) for the embedder and pdf.js's
 * worker for PDFs, which a service worker cannot host (no dynamic import, no
 * DOM for WebGPU, no nested workers); reason DOM_PARSER: it reads web search
 * result pages with Readability, which needs a DOM. Concurrent
 * callers share one check-and-create: Chrome allows a single offscreen
 * document and throws on a second `createDocument`.
 */
export function ensureOffscreenDocument(): Promise<void> {
  opening ??= open().finally(() => {
    opening = null;
  });
  return opening;
}

async function open(): Promise<void> {
  const url = browser.runtime.getURL('/offscreen.html' as '/');
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  await browser.offscreen.createDocument({
    url,
    reasons: ['WORKERS', 'DOM_PARSER'],
    justification:
      'Runs the local embedding model (ONNX Runtime WebAssembly) for searching saved pages, pdf.js for reading PDFs, and reads web search result pages.',
  });
}
