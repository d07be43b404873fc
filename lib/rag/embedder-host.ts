import { browser } from 'wxt/browser';
import { AsideError } from '../messaging/errors';
import type { OffscreenRequests } from '../messaging/protocol';
import { callBackground, type Handlers } from '../messaging/requests';
import type { EmbedOutput, EngineConfig, FileProgress, ProgressListener } from './embed-engine';
import type { EmbedJob, EmbedJobReply } from './embed-worker-protocol';
import { encodeVectors } from './vector-codec';

/** Progress messages at most this often: Transformers.js reports every network chunk. */
const PROGRESS_INTERVAL_MS = 150;

/**
 * The embedder host (Chrome's offscreen document): ONNX Runtime from files
 * shipped in the extension (remote code is forbidden, and no CDN is reached),
 * WebGPU when the browser has an adapter, else WASM. The model itself runs in
 * a worker of this document (lib/rag/embed-worker.ts), off the main thread that
 * all extension pages share. Returns the offscreen document's handler for
 * embedding (entrypoints/offscreen/main.ts serves it with the others).
 */
export function embedderHandlers(): Pick<Handlers<OffscreenRequests>, 'offscreen.embed'> {
  // Threads need SharedArrayBuffer, which needs cross-origin isolation (a worker inherits it).
  const numThreads = globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  const worker = new EmbedWorkerClient(browser.runtime.getURL('/ort/' as '/'), numThreads);
  let device: Promise<'webgpu' | 'wasm'> | null = null;
  return {
    'offscreen.embed': async ({ config, texts, batchSize }) => {
      device ??= pickDevice();
      let backend = await device;
      const progress = throttledProgress();
      const run = (d: 'webgpu' | 'wasm') =>
        worker.embed(
          { ...config, device: d, dtype: d === 'webgpu' ? 'fp32' : config.dtype },
          texts,
          batchSize,
          progress.report,
        );
      let output: EmbedOutput;
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
      return { dims: output.dims, vectors: encodeVectors(output.data), backend, threads: numThreads };
    },
  };
}

/** The offscreen document's side of the embedding worker: one job at a time, answers matched by id. */
class EmbedWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (output: EmbedOutput) => void; reject: (error: Error) => void; onProgress?: ProgressListener }
  >();

  constructor(
    private readonly wasmPaths: string,
    private readonly numThreads: number,
  ) {}

  embed(config: EngineConfig, texts: readonly string[], batchSize?: number, onProgress?: ProgressListener) {
    const id = this.nextId++;
    const job: EmbedJob = {
      id,
      wasmPaths: this.wasmPaths,
      numThreads: this.numThreads,
      config,
      texts,
      ...(batchSize ? { batchSize } : {}),
    };
    return new Promise<EmbedOutput>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      this.start().postMessage(job);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../../entrypoints/offscreen/embed-worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = ({ data }: MessageEvent<EmbedJobReply>) => {
      const job = this.pending.get(data.id);
      if (!job) return;
      if (data.type === 'progress') return job.onProgress?.(data.files);
      this.pending.delete(data.id);
      if (data.type === 'done') job.resolve({ dims: data.dims, data: data.data });
      else job.reject(AsideError.from(data.error));
    };
    worker.onerror = (event) => {
      // The worker itself failed to start or crashed: fail what is waiting, start afresh next time.
      const error = new AsideError('model-load-failed', `The embedding worker stopped: ${event.message}`);
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
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
