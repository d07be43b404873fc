import type { EmbedderStatus } from '../../lib/rag/embedder-status';
import { hostOf } from '../../lib/rag/remote-embed-errors';
import { useT } from '../hooks/use-t';

/**
 * One line in the library bar saying where the embedding model runs: WebGPU,
 * or WebAssembly and why (the setting, no adapter, or WebGPU's error, after
 * which indexing went on without losing anything).
 */
export function EmbedBackendLine({ status }: { status: EmbedderStatus }) {
  const t = useT();
  if (status.state !== 'ready' || !status.backend) return null;
  const text =
    status.backend === 'server'
      ? t('rag.backend.server', { host: hostOf(status.source) })
      : status.backend === 'webgpu'
        ? t('rag.backend.webgpu')
        : status.wasmReason === 'setting'
          ? t('rag.backend.wasm.setting')
          : status.wasmReason === 'webgpu-failed'
            ? t('rag.backend.wasm.webgpuFailed', { error: status.webgpuError || '?' })
            : t('rag.backend.wasm.noWebgpu');
  return (
    <div
      className="semantic-status muted"
      data-testid="embed-backend"
      data-backend={status.backend}
      data-reason={status.wasmReason ?? ''}
    >
      {text}
    </div>
  );
}
