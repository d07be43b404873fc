import { browser } from 'wxt/browser';
import type { OffscreenRequests } from '../messaging/protocol';
import { callBackground, type Handlers } from '../messaging/requests';
import { EmbedBackendChooser } from './embed-backend';
import type { FileProgress } from './embed-engine';
import { PageEmbedder } from './embed-on-page';
import { EmbedWorkerClient } from './embed-worker-client';
import { encodeVectors } from './vector-codec';

/** Progress messages at most this often: Transformers.js reports every network chunk. */
const PROGRESS_INTERVAL_MS = 150;

/**
 * The embedder host (Chrome's offscreen document): ONNX Runtime from files
 * shipped in the extension (remote code is forbidden, and no CDN is reached),
 * WebGPU when the browser has an adapter, else WASM, falling back to WASM when
 * WebGPU fails (lib/rag/embed-backend.ts). On WebAssembly the model runs in
 * a worker of this document (lib/rag/embed-worker.ts), off the main thread
 * that all extension pages share; on WebGPU in the document itself
 * (lib/rag/embed-on-page.ts explains why). The in-browser reranker's
 * cross-encoder runs in the same worker, on WebAssembly, queued with the
 * embedding jobs. Returns the offscreen document's handlers for embedding and
 * reranking (entrypoints/offscreen/main.ts serves them with the others).
 */
export function embedderHandlers(): Pick<Handlers<OffscreenRequests>, 'offscreen.embed' | 'offscreen.rerank'> {
  // Threads need SharedArrayBuffer, which needs cross-origin isolation (a worker inherits it).
  const numThreads = globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  const wasmPaths = browser.runtime.getURL('/ort/' as '/');
  const worker = new EmbedWorkerClient(wasmPaths, numThreads);
  const page = new PageEmbedder(wasmPaths);
  const chooser = new EmbedBackendChooser(hasWebgpuAdapter, () => page.reset());
  return {
    'offscreen.embed': async ({ config, prefer, texts, batchSize }) => {
      const progress = throttledProgress();
      try {
        const { output, ...used } = await chooser.run(prefer ?? 'auto', config.dtype, (device, dtype) =>
          (device === 'webgpu' ? page : worker).embed({ ...config, device, dtype }, texts, batchSize, progress.report),
        );
        return { dims: output.dims, vectors: encodeVectors(output.data), ...used, threads: numThreads };
      } finally {
        await progress.flush();
      }
    },
    'offscreen.rerank': async ({ config, query, passages }) => {
      const scores = await worker.rerank({ ...config, device: 'wasm' }, query, passages);
      return { scores: Array.from(scores) };
    },
  };
}

/** Whether the browser offers a WebGPU adapter to this document (none when the GPU is off or blocklisted). */
async function hasWebgpuAdapter(): Promise<boolean> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  return gpu ? (await gpu.requestAdapter()) !== null : false;
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
