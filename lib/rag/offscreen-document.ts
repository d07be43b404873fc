import { browser } from 'wxt/browser';

let creating: Promise<void> | null = null;

/**
 * Opens the embedder's offscreen document unless it is open. Reason WORKERS:
 * it runs ONNX Runtime's WASM (and its workers), which a service worker
 * cannot host (no dynamic import, no DOM for WebGPU).
 */
export async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL('/offscreen.html' as '/');
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({
      url,
      reasons: ['WORKERS'],
      justification: 'Runs the local embedding model (ONNX Runtime WebAssembly) for searching saved pages.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}
