import type { SerializedError } from '../messaging/errors';
import type { EngineConfig, FileProgress } from './embed-engine';

/** Where ONNX Runtime's files are and how many threads it gets: the same for every job of the worker. */
interface WorkerRuntime {
  readonly id: number;
  /** Where ONNX Runtime's .wasm/.mjs are (extension URLs; a worker has no `browser.runtime`). */
  readonly wasmPaths: string;
  readonly numThreads: number;
  readonly config: EngineConfig;
}

/** What the embedder host asks its worker: one embedding job. */
export interface EmbedJob extends WorkerRuntime {
  readonly kind?: 'embed';
  readonly texts: readonly string[];
  readonly batchSize?: number;
}

/** Or one reranking job: the cross-encoder's relevance of each passage to the query (lib/rag/rerank-engine.ts). */
export interface RerankJob extends WorkerRuntime {
  readonly kind: 'rerank';
  readonly query: string;
  readonly passages: readonly string[];
}

export type WorkerJob = EmbedJob | RerankJob;

/** What the worker answers: progress while a model downloads, then the vectors or scores, or the error. */
export type EmbedJobReply =
  | { readonly id: number; readonly type: 'progress'; readonly files: readonly FileProgress[] }
  | { readonly id: number; readonly type: 'done'; readonly dims: number; readonly data: Float32Array }
  | { readonly id: number; readonly type: 'scores'; readonly scores: Float32Array }
  | { readonly id: number; readonly type: 'error'; readonly error: SerializedError };
