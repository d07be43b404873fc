import type { SerializedError } from '../messaging/errors';
import type { EngineConfig, FileProgress } from './embed-engine';

/** What the embedder host asks its worker: one embedding job. */
export interface EmbedJob {
  readonly id: number;
  /** Where ONNX Runtime's .wasm/.mjs are (extension URLs; a worker has no `browser.runtime`). */
  readonly wasmPaths: string;
  readonly numThreads: number;
  readonly config: EngineConfig;
  readonly texts: readonly string[];
  readonly batchSize?: number;
}

/** What the worker answers: progress while the model downloads, then the vectors or the error. */
export type EmbedJobReply =
  | { readonly id: number; readonly type: 'progress'; readonly files: readonly FileProgress[] }
  | { readonly id: number; readonly type: 'done'; readonly dims: number; readonly data: Float32Array }
  | { readonly id: number; readonly type: 'error'; readonly error: SerializedError };
