import { storage } from 'wxt/utils/storage';
import { DEFAULT_EMBEDDING_MODEL } from '../rag/embedding-models';

/** Where the embedding model's files come from. */
export type ModelHostKind = 'hub' | 'mirror' | 'bundled';

export interface EmbeddingSettings {
  /** A Hub model id with Transformers.js ONNX weights, e.g. `Xenova/multilingual-e5-small`. */
  readonly modelId: string;
  readonly host: ModelHostKind;
  /** Base URL of a Hub mirror (same `/{model}/resolve/{revision}/{file}` layout), used when `host` is `mirror`. */
  readonly mirrorUrl: string;
  /**
   * Semantic search is on: the user has asked for the model (it is a large
   * download from a host they chose). Until then the library is indexed by
   * keywords only and nothing is fetched.
   */
  readonly enabled?: boolean;
}

export const HUGGING_FACE_HUB = 'https://huggingface.co/';

export const defaultEmbeddingSettings: EmbeddingSettings = {
  modelId: DEFAULT_EMBEDDING_MODEL,
  host: 'hub',
  mirrorUrl: 'https://hf-mirror.com/',
};

export const embeddingSettingsItem = storage.defineItem<EmbeddingSettings>('local:embeddingSettings', {
  fallback: defaultEmbeddingSettings,
  version: 1,
});

/** The base URL models are fetched from, or null when they are bundled in the extension (`/models/`). */
export function modelHostUrl(settings: EmbeddingSettings): string | null {
  if (settings.host === 'bundled') return null;
  const url = settings.host === 'mirror' ? settings.mirrorUrl.trim() : HUGGING_FACE_HUB;
  return url.endsWith('/') ? url : `${url}/`;
}
