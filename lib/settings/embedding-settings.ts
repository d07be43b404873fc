import { z } from 'zod';
import { DEFAULT_EMBEDDING_MODEL } from '../rag/embedding-models';

/** An OpenAI-compatible embeddings endpoint (Ollama, vLLM, TEI, LM Studio, SiliconFlow, DashScope, OpenAI, custom). */
export const embeddingServerSchema = z.object({
  preset: z.string().max(40),
  /** Base URL ending in `/v1` (the SDK appends `/embeddings`). */
  baseURL: z.string().trim().max(500),
  model: z.string().trim().max(200),
  /** Asked of servers that can shorten vectors (OpenAI's `dimensions`); absent: the model's own size. */
  dimensions: z.number().int().min(1).max(8192).optional(),
});
export type EmbeddingServer = z.infer<typeof embeddingServerSchema>;

/**
 * Optional reranking of a library question's top candidates, off unless
 * `enabled`: by a cross-encoder in the browser (`runOn: 'browser'`, the model
 * `modelId`, downloaded from the embedder's model host) or by a `/rerank`
 * endpoint (TEI, Jina, SiliconFlow, vLLM: `url` and `model`). Values stored
 * before the browser option have no `runOn`: they mean the server.
 */
export const rerankSettingsSchema = z.object({
  enabled: z.boolean(),
  runOn: z.enum(['browser', 'server']).optional(),
  /** The in-browser cross-encoder: a Hub id with Transformers.js ONNX weights; empty means the default. */
  modelId: z.string().trim().max(200).optional(),
  /** The full endpoint URL, e.g. `http://127.0.0.1:8080/rerank` or `https://api.jina.ai/v1/rerank`. */
  url: z.string().trim().max(500),
  model: z.string().trim().max(200),
});
export type RerankSettings = z.infer<typeof rerankSettingsSchema>;

/**
 * The in-browser reranker's default: BAAI's bge-reranker-base (XLM-RoBERTa,
 * 278M parameters, trained on English and Chinese) in Transformers.js's ONNX
 * export; its int8 weights are about 280 MB.
 */
export const DEFAULT_RERANK_MODEL = 'Xenova/bge-reranker-base';

/** Where reranking runs; settings stored before the browser option mean the server. */
export function rerankRunsOn(rerank: RerankSettings): 'browser' | 'server' {
  return rerank.runOn ?? 'server';
}

/** The in-browser cross-encoder's id (the default when the field is empty). */
export function rerankModelId(rerank: RerankSettings): string {
  return rerank.modelId?.trim() || DEFAULT_RERANK_MODEL;
}

/** Reranking is on and has what it needs: a model in the browser, or a server's address. */
export function rerankIsOn(rerank: RerankSettings | undefined): rerank is RerankSettings {
  if (!rerank?.enabled) return false;
  return rerankRunsOn(rerank) === 'browser' || rerank.url.trim() !== '';
}

/** Where the embedding model's files come from. */
export const modelHostKinds = ['hub', 'mirror', 'bundled'] as const;
export type ModelHostKind = (typeof modelHostKinds)[number];

export const embeddingSettingsSchema = z.object({
  /** A Hub model id with Transformers.js ONNX weights, e.g. `Xenova/multilingual-e5-small`. */
  modelId: z.string().trim().min(1).max(200),
  host: z.enum(modelHostKinds),
  /** Base URL of a Hub mirror (same `/{model}/resolve/{revision}/{file}` layout), used when `host` is `mirror`. */
  mirrorUrl: z.string().max(2048),
  /**
   * Semantic search is on: the user has asked for the model (it is a large
   * download from a host they chose). Until then the library is indexed by
   * keywords only and nothing is fetched.
   */
  enabled: z.boolean().optional(),
  /**
   * Where the model runs: `auto` is WebGPU when the browser offers an adapter
   * (falling back to WebAssembly if it fails), `wasm` always WebAssembly on
   * the CPU. It decides what runs, so it lives with the other embedder settings
   * in IndexedDB. Absent means `auto`.
   */
  backend: z.enum(['auto', 'wasm']).optional(),
  /**
   * Where vectors are made: `browser` (the model above, in the extension) or
   * `server` (an OpenAI-compatible `/v1/embeddings` endpoint, `server` below;
   * lib/rag/embedding-server.ts). Absent means `browser`.
   */
  runOn: z.enum(['browser', 'server']).optional(),
  server: embeddingServerSchema.optional(),
  /** Optional reranking of the top candidates, in the browser or through a `/rerank` endpoint (lib/rag/rerank-hits.ts). */
  rerank: rerankSettingsSchema.optional(),
});
export type EmbeddingSettings = z.infer<typeof embeddingSettingsSchema>;
/** Where the user lets the embedding model run (see `backend` above). */
export type EmbedBackendSetting = NonNullable<EmbeddingSettings['backend']>;

export const HUGGING_FACE_HUB = 'https://huggingface.co/';

export const defaultEmbeddingSettings: EmbeddingSettings = {
  modelId: DEFAULT_EMBEDDING_MODEL,
  host: 'hub',
  mirrorUrl: 'https://hf-mirror.com/',
};

/** The base URL models are fetched from, or null when they are bundled in the extension (`/models/`). */
export function modelHostUrl(settings: EmbeddingSettings): string | null {
  if (settings.host === 'bundled') return null;
  const url = settings.host === 'mirror' ? settings.mirrorUrl.trim() : HUGGING_FACE_HUB;
  return url.endsWith('/') ? url : `${url}/`;
}
