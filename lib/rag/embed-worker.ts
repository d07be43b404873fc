import { env } from '@huggingface/transformers';
import { AsideError } from '../messaging/errors';
import { EmbedEngine } from './embed-engine';
import type { EmbedJobReply, WorkerJob } from './embed-worker-protocol';
import { RerankEngine } from './rerank-engine';

/** The part of a dedicated worker's global scope this uses (the project's TS lib is the DOM's). */
export interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerJob>) => void) | null;
}

/**
 * The embedding model, and the in-browser reranker's cross-encoder, run here,
 * in a dedicated worker of the offscreen document, not on a page's main
 * thread: every extension page shares one renderer process, so inference on
 * the offscreen document's main thread froze the side panel and options page
 * for the length of each batch.
 */
export function serveEmbedWorker(scope: WorkerScope): void {
  const engine = new EmbedEngine();
  const reranker = new RerankEngine();
  // The Cache API refuses chrome-extension:// URLs; the runtime files are local anyway.
  env.useWasmCache = false;
  env.useBrowserCache = true;
  // One job at a time, in order, embedding and reranking alike: ONNX Runtime sessions are not re-entrant.
  let queue: Promise<void> = Promise.resolve();
  const reply = (message: EmbedJobReply) => {
    if (message.type === 'done') scope.postMessage(message, [message.data.buffer]);
    else if (message.type === 'scores') scope.postMessage(message, [message.scores.buffer]);
    else scope.postMessage(message);
  };
  scope.onmessage = ({ data: job }: MessageEvent<WorkerJob>) => {
    queue = queue.then(async () => {
      const wasm = env.backends.onnx.wasm;
      if (wasm) {
        wasm.wasmPaths = job.wasmPaths;
        wasm.numThreads = job.numThreads;
      }
      const progress = (files: readonly { file: string; loaded: number; total: number }[]) =>
        reply({ id: job.id, type: 'progress', files: [...files] });
      try {
        if (job.kind === 'rerank') {
          const scores = await reranker.score(job.config, job.query, job.passages, undefined, progress);
          reply({ id: job.id, type: 'scores', scores });
          return;
        }
        const output = await engine.embed(job.config, job.texts, job.batchSize, progress);
        reply({ id: job.id, type: 'done', dims: output.dims, data: output.data });
      } catch (error) {
        reply({ id: job.id, type: 'error', error: AsideError.from(error).toJSON() });
      }
    });
  };
}
