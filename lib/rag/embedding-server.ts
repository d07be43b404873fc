import type { EmbeddingServer, EmbeddingSettings } from '../settings/embedding-settings';

/** A known embeddings server: where it listens by default and a model it serves. */
export interface EmbeddingServerPreset {
  readonly id: string;
  readonly name: string;
  readonly baseURL: string;
  readonly model: string;
}

/**
 * OpenAI-compatible `/v1/embeddings` endpoints, from their documentation. TEI
 * ignores the model name (it serves the one it was started with); Ollama,
 * vLLM and LM Studio need the name they serve it under.
 */
export const embeddingServerPresets: readonly EmbeddingServerPreset[] = [
  { id: 'ollama', name: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', model: 'bge-m3' },
  { id: 'vllm', name: 'vLLM', baseURL: 'http://127.0.0.1:8000/v1', model: 'BAAI/bge-m3' },
  {
    id: 'lmstudio',
    name: 'LM Studio',
    baseURL: 'http://127.0.0.1:1234/v1',
    model: 'text-embedding-nomic-embed-text-v1.5',
  },
  { id: 'tei', name: 'Text Embeddings Inference', baseURL: 'http://127.0.0.1:8080/v1', model: 'tei' },
  { id: 'siliconflow', name: 'SiliconFlow', baseURL: 'https://api.siliconflow.cn/v1', model: 'BAAI/bge-m3' },
  {
    id: 'dashscope',
    name: 'DashScope (Qwen)',
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    model: 'text-embedding-v4',
  },
  { id: 'openai', name: 'OpenAI', baseURL: 'https://api.openai.com/v1', model: 'text-embedding-3-small' },
  { id: 'custom', name: 'Custom', baseURL: '', model: '' },
];

const prefix = 'remote:';

/**
 * The id vectors made by a server are stored under: the endpoint and the model
 * together, so pointing Aside at another server or model is a model change
 * (the library is re-embedded; the old vectors serve until the new ones cover it).
 */
export function remoteModelId(server: Pick<EmbeddingServer, 'baseURL' | 'model' | 'dimensions'>): string {
  const base = server.baseURL.trim().replace(/\/+$/, '');
  const dims = server.dimensions ? `?dimensions=${server.dimensions}` : '';
  return `${prefix}${base}#${server.model.trim()}${dims}`;
}

/** The endpoint and model behind a `remoteModelId`, or null for an in-browser model id. */
export function parseRemoteModelId(id: string): { baseURL: string; model: string; dimensions?: number } | null {
  if (!id.startsWith(prefix)) return null;
  const rest = id.slice(prefix.length);
  const hash = rest.indexOf('#');
  if (hash < 0) return null;
  const [model = '', query] = rest.slice(hash + 1).split('?dimensions=');
  const dimensions = query ? Number(query) : undefined;
  return { baseURL: rest.slice(0, hash), model, ...(dimensions ? { dimensions } : {}) };
}

/** The model's own name (for its prefixes and similarity floor), whether it runs here or on a server. */
export function modelName(id: string): string {
  return parseRemoteModelId(id)?.model ?? id;
}

/** Whether the settings send texts to an embeddings server, with an endpoint and model filled in. */
export function usesServer(settings: EmbeddingSettings): settings is EmbeddingSettings & { server: EmbeddingServer } {
  return settings.runOn === 'server' && Boolean(settings.server?.baseURL.trim() && settings.server.model.trim());
}

/** The model id new vectors are made with under these settings. */
export function activeEmbeddingModel(settings: EmbeddingSettings): string {
  return usesServer(settings) ? remoteModelId(settings.server) : settings.modelId;
}
