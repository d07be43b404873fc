import { AsideError } from '../messaging/errors';
import type { EncodedEmbedResult } from './embedder';
import { embedderStatusItem } from './embedder-status';
import { type EmbedKind, withPrefixes } from './embedding-models';
import { modelName } from './embedding-server';
import { openVectorIndex } from './index-cache';
import { embedRemote, type RemoteEmbedTarget } from './remote-embed';
import { serverKey } from './server-keys';
import { encodeVectors } from './vector-codec';

/**
 * The server half of `embedEncoded` (lib/rag/embedder.ts): texts go, with the
 * model's prefixes, to the embeddings server the model id names, with the key
 * saved for that server's origin. The vectors must have the size the library
 * already holds for this model. The status (the options page, the library bar)
 * follows the configured model: ready with its size, or the server's error.
 */
export async function embedOnServer(
  server: RemoteEmbedTarget,
  modelId: string,
  texts: readonly string[],
  kind: EmbedKind,
  options: { readonly tracked: boolean; readonly batchSize?: number | undefined },
): Promise<EncodedEmbedResult> {
  try {
    const apiKey = await serverKey('embedding', server.baseURL);
    const stored = await openVectorIndex(modelId);
    const result = await embedRemote(server, withPrefixes(modelName(modelId), texts, kind), {
      ...(apiKey ? { apiKey } : {}),
      ...(stored.size > 0 ? { expectedDims: stored.dims } : {}),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    const packed = new Float32Array(result.vectors.length * result.dims);
    result.vectors.forEach((vector, i) => {
      packed.set(vector, i * result.dims);
    });
    if (options.tracked) {
      const status = await embedderStatusItem.getValue();
      if (status.state !== 'ready' || status.modelId !== modelId || status.dims !== result.dims) {
        await embedderStatusItem.setValue({
          state: 'ready',
          modelId,
          source: server.baseURL,
          files: [],
          loadedBytes: 0,
          totalBytes: 0,
          dims: result.dims,
          backend: 'server',
        });
      }
    }
    return { modelId, dims: result.dims, vectors: encodeVectors(packed), backend: 'server' };
  } catch (caught) {
    const error = AsideError.from(caught);
    if (options.tracked && error.code !== 'cancelled') {
      await embedderStatusItem.setValue({
        state: 'error',
        modelId,
        source: server.baseURL,
        files: [],
        loadedBytes: 0,
        totalBytes: 0,
        error: error.toJSON(),
      });
    }
    throw error;
  }
}
