import { env, type FeatureExtractionPipeline, type ProgressInfo, pipeline } from '@huggingface/transformers';
import { AsideError } from '../messaging/errors';
import { lengthBuckets } from './length-buckets';

/** Where and how to load the model; sent by the background with each request. */
export interface EngineConfig {
  readonly modelId: string;
  /** Hub-layout base URL ending in `/` (the Hub, a mirror, a test server); null loads from `localModelPath`. */
  readonly remoteHost: string | null;
  /** Base URL of models bundled in the extension (used when `remoteHost` is null). */
  readonly localModelPath?: string;
  /** Weights variant: `q8` is `onnx/model_quantized.onnx`, `fp32` is `onnx/model.onnx`. */
  readonly dtype: 'q8' | 'fp32';
  /** ONNX Runtime device; unset lets Transformers.js pick (CPU in Node). */
  readonly device?: 'wasm' | 'webgpu';
  /** Native ONNX Runtime (Node) intra-op threads; the browser sets WASM threads through `env` instead. */
  readonly threads?: number;
}

/** Byte progress of one model file, for the download progress bar. */
export interface FileProgress {
  readonly file: string;
  readonly loaded: number;
  readonly total: number;
}

export type ProgressListener = (files: readonly FileProgress[]) => void;

/** Vectors of one call: `data` holds `count × dims` floats, L2-normalized rows, in input order. */
export interface EmbedOutput {
  readonly dims: number;
  readonly data: Float32Array;
}

/**
 * Loads a feature-extraction pipeline once per configuration and embeds texts
 * with mean pooling and L2 normalization, in length-sorted batches. Runs
 * wherever Transformers.js runs: the offscreen document, or Node in tests.
 */
export class EmbedEngine {
  private loaded: { key: string; extractor: Promise<FeatureExtractionPipeline> } | null = null;

  /** Loads (downloading on first use) the model; reports per-file byte progress. */
  async load(config: EngineConfig, onProgress?: ProgressListener): Promise<FeatureExtractionPipeline> {
    const key = JSON.stringify(config);
    if (this.loaded?.key !== key) {
      const previous = this.loaded?.extractor;
      const extractor = openPipeline(config, onProgress);
      this.loaded = { key, extractor };
      // A failed load must not stick: the next call (the user's retry) tries again.
      extractor.catch(() => {
        if (this.loaded?.extractor === extractor) this.loaded = null;
      });
      void previous?.then((p) => p.dispose()).catch(() => undefined);
    }
    return this.loaded.extractor;
  }

  /** Embeds `texts` (already prefixed) in batches of `batchSize` texts of similar length. */
  async embed(config: EngineConfig, texts: readonly string[], batchSize = 8, onProgress?: ProgressListener) {
    const extractor = await this.load(config, onProgress);
    let dims = 0;
    let data = new Float32Array(0);
    for (const batch of lengthBuckets(
      texts.map((t) => t.length),
      batchSize,
    )) {
      const output = await extractor(
        batch.map((i) => texts[i]!),
        { pooling: 'mean', normalize: true },
      );
      const rows = output.dims[0] ?? 0;
      if (!dims) {
        dims = output.dims[1] ?? 0;
        data = new Float32Array(texts.length * dims);
      }
      const values = output.data as Float32Array;
      for (let r = 0; r < rows; r++) data.set(values.subarray(r * dims, (r + 1) * dims), batch[r]! * dims);
      output.dispose();
    }
    return { dims, data } satisfies EmbedOutput;
  }
}

async function openPipeline(config: EngineConfig, onProgress?: ProgressListener): Promise<FeatureExtractionPipeline> {
  setModelHost(config);
  try {
    return await pipeline('feature-extraction', config.modelId, {
      dtype: config.dtype,
      ...(config.device ? { device: config.device } : {}),
      ...(config.threads ? { session_options: { intraOpNumThreads: config.threads, interOpNumThreads: 1 } } : {}),
      progress_callback: progressCallback(onProgress),
    });
  } catch (error) {
    throw loadError(config, error);
  }
}

/** Points Transformers.js at the configured host (or the extension's bundled models); shared with the reranker. */
export function setModelHost(config: EngineConfig): void {
  if (config.remoteHost === null) {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    if (config.localModelPath) env.localModelPath = config.localModelPath;
  } else {
    env.allowRemoteModels = true;
    env.allowLocalModels = false;
    env.remoteHost = config.remoteHost.endsWith('/') ? config.remoteHost : `${config.remoteHost}/`;
  }
}

/** Transformers.js's progress events as per-file byte progress for one load. */
export function progressCallback(onProgress?: ProgressListener): (info: ProgressInfo) => void {
  const files = new Map<string, FileProgress>();
  return (info) => {
    if (info.status !== 'progress') return;
    files.set(info.file, { file: info.file, loaded: info.loaded, total: info.total });
    onProgress?.([...files.values()]);
  };
}

/** Unreachable hosts and server errors are worth a retry; a missing or broken model needs another setting. */
export function loadError(config: EngineConfig, error: unknown): AsideError {
  const text = error instanceof Error ? error.message : String(error);
  const where = config.remoteHost ?? config.localModelPath ?? 'the extension';
  const unreachable =
    error instanceof TypeError ||
    /fetch failed|failed to fetch|networkerror|econnrefused|internal server error|\(5\d\d\)/i.test(text);
  return unreachable
    ? new AsideError('model-unreachable', `Cannot reach ${where} for ${config.modelId}`, { detail: text, cause: error })
    : new AsideError('model-load-failed', `Cannot load ${config.modelId} from ${where}`, {
        detail: text,
        cause: error,
      });
}
