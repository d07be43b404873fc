import { storage } from 'wxt/utils/storage';
import type { SerializedError } from '../messaging/errors';
import type { EmbedBackend, WasmReason } from './embed-backend';
import type { FileProgress } from './embed-engine';

/**
 * What the embedder is doing, for progress bars and error messages in any UI
 * context. Kept in `storage.session`: it describes this browser session only.
 */
export interface EmbedderStatus {
  readonly state: 'idle' | 'loading' | 'ready' | 'error';
  readonly modelId: string;
  /** Where the model comes from: the host's base URL, or `bundled`. */
  readonly source: string;
  /** Per-file download progress while loading (bytes). */
  readonly files: readonly FileProgress[];
  readonly loadedBytes: number;
  readonly totalBytes: number;
  /** When ready: where the model runs, and when on WebAssembly, why (and WebGPU's error if it failed). */
  readonly backend?: EmbedBackend | 'server';
  readonly wasmReason?: WasmReason;
  readonly webgpuError?: string;
  readonly dims?: number;
  readonly error?: SerializedError;
}

export const idleEmbedderStatus: EmbedderStatus = {
  state: 'idle',
  modelId: '',
  source: '',
  files: [],
  loadedBytes: 0,
  totalBytes: 0,
};

export const embedderStatusItem = storage.defineItem<EmbedderStatus>('session:embedderStatus', {
  fallback: idleEmbedderStatus,
});

/** Sums per-file progress into the totals the progress bar shows. */
export function withFiles(status: EmbedderStatus, files: readonly FileProgress[]): EmbedderStatus {
  return {
    ...status,
    files,
    loadedBytes: files.reduce((sum, f) => sum + f.loaded, 0),
    totalBytes: files.reduce((sum, f) => sum + f.total, 0),
  };
}
