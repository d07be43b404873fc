import { browser } from 'wxt/browser';
import { AsideError } from '../messaging/errors';
import { callOffscreen } from '../messaging/requests';
import { modelHostUrl } from '../settings/embedding-settings';
import { embeddingSettingsItem } from '../settings/secure-settings';
import { ensureOffscreenDocument } from './offscreen-document';
import type { Ranked } from './rerank';

/**
 * Background API: orders `documents` by an in-browser cross-encoder's
 * relevance to `query`, best first. The model runs in the embedder's worker
 * in the offscreen document (lib/rag/rerank-engine.ts) and downloads, on
 * first use, from the embedder's model host (the Hub, a mirror, or the
 * extension's bundled models). Throws `embedder-unavailable` where there is no
 * offscreen document (Firefox, for now), `model-unreachable` or `model-load-failed`.
 */
export async function rerankInBrowser(modelId: string, query: string, documents: readonly string[]): Promise<Ranked[]> {
  if (!browser.offscreen) throw new AsideError('embedder-unavailable', 'No offscreen documents in this browser');
  const remoteHost = modelHostUrl(await embeddingSettingsItem.getValue());
  await ensureOffscreenDocument();
  const { scores } = await callOffscreen('offscreen.rerank', {
    config: {
      modelId,
      remoteHost,
      ...(remoteHost === null ? { localModelPath: browser.runtime.getURL('/models/' as '/') } : {}),
      dtype: 'q8',
    },
    query,
    passages: [...documents],
  });
  return scores.map((score, index) => ({ index, score })).sort((a, b) => b.score - a.score);
}
