import { browser } from 'wxt/browser';
import { AsideError } from '../messaging/errors';
import { callOffscreen } from '../messaging/requests';
import { modelHostUrl } from '../settings/embedding-settings';
import { embeddingSettingsItem } from '../settings/secure-settings';
import type { BackendUsed } from './embed-backend';
import type { FileProgress } from './embed-engine';
import { embedOnServer } from './embed-on-server';
import { type EmbedderStatus, embedderStatusItem, withFiles } from './embedder-status';
import { type EmbedKind, withPrefixes } from './embedding-models';
import { activeEmbeddingModel, parseRemoteModelId } from './embedding-server';
import { ensureOffscreenDocument } from './offscreen-document';
import { decodeVectors } from './vector-codec';

/** Where a call ran: WebGPU or WebAssembly in the browser, or an embeddings server. */
export type EmbedRan = Omit<BackendUsed, 'backend'> & { readonly backend: BackendUsed['backend'] | 'server' };

/** Vectors for the texts of one call, in input order, each L2-normalized. */
export interface EmbedResult extends EmbedRan {
  readonly modelId: string;
  readonly dims: number;
  readonly vectors: Float32Array[];
  readonly threads?: number;
}

export interface EmbedOptions {
  readonly batchSize?: number;
  /**
   * Another model than the configured one: while the library is re-embedded
   * with a new model, questions are embedded with the model whose vectors
   * still cover the whole library (lib/rag/library-search.ts).
   */
  readonly modelId?: string;
}

/** Embeddings with the configured model, as `embedTexts` returns them but still base64 for messaging. */
export interface EncodedEmbedResult extends EmbedRan {
  readonly modelId: string;
  readonly dims: number;
  readonly vectors: string;
  readonly threads?: number;
}

/**
 * Background API: embeds texts with the model in the settings, in the embedder
 * host (Chrome's offscreen document). Applies the model's "query: "/"passage: "
 * prefixes. Downloads the model on first use, reporting progress through
 * `embedderStatusItem`. Throws AsideError `model-unreachable`,
 * `model-load-failed` or `embedder-unavailable` (Firefox, for now).
 */
export async function embedTexts(
  texts: readonly string[],
  kind: EmbedKind,
  options: EmbedOptions = {},
): Promise<EmbedResult> {
  const encoded = await embedEncoded(texts, kind, options);
  return { ...encoded, vectors: decodeVectors(encoded.vectors, encoded.dims) };
}

/** Same as `embedTexts`, keeping the vectors base64 for a reply to another context. */
export async function embedEncoded(
  texts: readonly string[],
  kind: EmbedKind,
  options: EmbedOptions = {},
): Promise<EncodedEmbedResult> {
  const settings = await embeddingSettingsItem.getValue();
  const active = activeEmbeddingModel(settings);
  const modelId = options.modelId ?? active;
  // The status (progress bar, errors) follows the configured model; another one runs quietly.
  const tracked = modelId === active;
  const server = parseRemoteModelId(modelId);
  if (server) return embedOnServer(server, modelId, texts, kind, { tracked, batchSize: options.batchSize });
  const remoteHost = modelHostUrl(settings);
  const source = remoteHost ?? 'bundled';
  const status = await embedderStatusItem.getValue();
  const loaded = status.state === 'ready' && status.modelId === modelId && status.source === source;
  if (!loaded && tracked)
    await setStatus({ state: 'loading', modelId, source, files: [], loadedBytes: 0, totalBytes: 0 });
  try {
    if (!browser.offscreen) throw new AsideError('embedder-unavailable', 'No offscreen documents in this browser');
    await ensureOffscreenDocument();
    const reply = await callOffscreen('offscreen.embed', {
      config: {
        modelId,
        remoteHost,
        ...(remoteHost === null ? { localModelPath: browser.runtime.getURL('/models/' as '/') } : {}),
        dtype: 'q8',
      },
      prefer: settings.backend ?? 'auto',
      texts: withPrefixes(modelId, texts, kind),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    // Ready, or the backend changed (WebGPU failed, the setting changed): the status says where the model runs.
    if (tracked && (!loaded || !sameBackend(status, reply))) {
      const { dims, backend, wasmReason, webgpuError } = reply;
      const current = withFiles(await embedderStatusItem.getValue(), []);
      await setStatus({ ...current, state: 'ready', modelId, source, dims, backend, wasmReason, webgpuError });
    }
    return { modelId, ...reply };
  } catch (caught) {
    const error = AsideError.from(caught);
    if (!tracked) throw error;
    await setStatus({
      ...(await embedderStatusItem.getValue()),
      state: 'error',
      modelId,
      source,
      error: error.toJSON(),
    });
    throw error;
  }
}

/** The embedder's current state (idle, loading with byte progress, ready, error). */
export function embedderStatus(): Promise<EmbedderStatus> {
  return embedderStatusItem.getValue();
}

/** Calls `listener` on every status change; returns the unsubscribe function. */
export function watchEmbedderStatus(listener: (status: EmbedderStatus) => void): () => void {
  return embedderStatusItem.watch((status) => listener(status));
}

/** Progress from the embedder host; ignored unless a load is under way (a late event must not hide "ready"). */
export async function reportEmbedderProgress(files: readonly FileProgress[]): Promise<void> {
  const status = await embedderStatusItem.getValue();
  if (status.state === 'loading') await setStatus(withFiles(status, files));
}

function sameBackend(status: EmbedderStatus, used: EmbedRan): boolean {
  return (
    status.backend === used.backend && status.wasmReason === used.wasmReason && status.webgpuError === used.webgpuError
  );
}

async function setStatus(status: EmbedderStatus): Promise<void> {
  const { error, dims, backend, wasmReason, webgpuError, ...rest } = status;
  await embedderStatusItem.setValue({
    ...rest,
    ...(status.state === 'error' && error ? { error } : {}),
    ...(status.state === 'ready' ? { dims, backend } : {}),
    ...(status.state === 'ready' && wasmReason ? { wasmReason } : {}),
    ...(status.state === 'ready' && webgpuError !== undefined ? { webgpuError } : {}),
  });
}
