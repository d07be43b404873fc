import { AsideError } from '../messaging/errors';
import type { EmbedOutput, EngineConfig, ProgressListener } from './embed-engine';
import type { EmbedJob, EmbedJobReply, RerankJob } from './embed-worker-protocol';

interface PendingJob {
  readonly resolve: (output: EmbedOutput | Float32Array) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: ProgressListener;
}

/**
 * The offscreen document's side of the embedding worker
 * (lib/rag/embed-worker.ts): embedding and reranking jobs, one at a time,
 * answers matched by id. The worker starts on the first job.
 */
export class EmbedWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, PendingJob>();

  constructor(
    private readonly wasmPaths: string,
    private readonly numThreads: number,
  ) {}

  embed(config: EngineConfig, texts: readonly string[], batchSize?: number, onProgress?: ProgressListener) {
    return this.post<EmbedOutput>(
      (id) => ({
        id,
        wasmPaths: this.wasmPaths,
        numThreads: this.numThreads,
        config,
        texts,
        ...(batchSize ? { batchSize } : {}),
      }),
      onProgress,
    );
  }

  /** The cross-encoder's relevance of each passage to `query`, in input order (lib/rag/rerank-engine.ts). */
  rerank(config: EngineConfig, query: string, passages: readonly string[], onProgress?: ProgressListener) {
    return this.post<Float32Array>(
      (id) => ({ id, kind: 'rerank', wasmPaths: this.wasmPaths, numThreads: this.numThreads, config, query, passages }),
      onProgress,
    );
  }

  private post<T extends EmbedOutput | Float32Array>(
    job: (id: number) => EmbedJob | RerankJob,
    onProgress?: ProgressListener,
  ): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (output: EmbedOutput | Float32Array) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      this.start().postMessage(job(id));
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
      else if (data.type === 'scores') job.resolve(data.scores);
      else job.reject(AsideError.from(data.error));
    };
    worker.onerror = (event) => {
      // The worker itself failed to start or crashed: fail what is waiting, start afresh next time.
      this.failPending(new AsideError('model-load-failed', `The embedding worker stopped: ${event.message}`));
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  private failPending(error: AsideError): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
