import { env } from '@huggingface/transformers';
import { browser } from 'wxt/browser';
import { callBackground, serveOffscreenRequests } from '../messaging/requests';
import { EmbedEngine, type FileProgress } from './embed-engine';
import { encodeVectors } from './vector-codec';

/** Progress messages at most this often: Transformers.js reports every network chunk. */
const PROGRESS_INTERVAL_MS = 150;

/**
 * The embedder host (Chrome's offscreen document): ONNX Runtime from files
 * shipped in the extension (remote code is forbidden, and no CDN is reached),
 * WebGPU when the browser has an adapter, else WASM.
 */
export function serveEmbedderHost(): void {
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    wasm.wasmPaths = browser.runtime.getURL('/ort/' as '/');
    // Threads need SharedArrayBuffer, which needs cross-origin isolation.
    wasm.numThreads = globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  }
  // The Cache API refuses chrome-extension:// URLs; the runtime files are local anyway.
  env.useWasmCache = false;
  env.useBrowserCache = true;

  const engine = new EmbedEngine();
  let device: Promise<'webgpu' | 'wasm'> | null = null;
  // One inference at a time: a session is not re-entrant, and the threads are already busy.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  serveOffscreenRequests({
    'offscreen.embed': ({ config, texts, batchSize }) =>
      serialized(async () => {
        device ??= pickDevice();
        let backend = await device;
        const progress = throttledProgress();
        const run = (d: 'webgpu' | 'wasm') =>
          engine.embed(
            { ...config, device: d, dtype: d === 'webgpu' ? 'fp32' : config.dtype },
            texts,
            batchSize,
            progress.report,
          );
        let output: Awaited<ReturnType<EmbedEngine['embed']>>;
        try {
          output = await run(backend);
        } catch (error) {
          if (backend !== 'webgpu') throw error;
          // A WebGPU adapter that cannot run the model (driver, limits): WASM always can.
          backend = 'wasm';
          device = Promise.resolve(backend);
          output = await run(backend);
        } finally {
          await progress.flush();
        }
        return { dims: output.dims, vectors: encodeVectors(output.data), backend, threads: wasm?.numThreads ?? 1 };
      }),
  });
}

async function pickDevice(): Promise<'webgpu' | 'wasm'> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return 'wasm';
  const adapter = await gpu.requestAdapter().catch(() => null);
  return adapter ? 'webgpu' : 'wasm';
}

function throttledProgress(): { report: (files: readonly FileProgress[]) => void; flush: () => Promise<void> } {
  let last = 0;
  let pending: readonly FileProgress[] | null = null;
  let sending: Promise<unknown> = Promise.resolve();
  const send = () => {
    if (!pending) return;
    const files = pending;
    pending = null;
    last = Date.now();
    sending = sending.then(() => callBackground('embedder.progress', { files: [...files] })).catch(() => undefined);
  };
  return {
    report(files) {
      pending = files;
      if (Date.now() - last >= PROGRESS_INTERVAL_MS) send();
    },
    async flush() {
      send();
      await sending;
    },
  };
}
