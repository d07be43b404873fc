import { env } from '@huggingface/transformers';
import { AsideError } from '../messaging/errors';
import { EmbedEngine, type EmbedOutput, type EngineConfig, type ProgressListener } from './embed-engine';
import { webgpuDeviceLoss } from './webgpu-device-watch';

/**
 * The WebGPU path, run in the offscreen document itself rather than in its
 * worker: in Chromium 156 a dedicated worker of an offscreen document that
 * calls `navigator.gpu.requestAdapter()` is ended on the spot (its DevTools
 * target closes, no `error` event reaches the page), so a WebGPU job there
 * never answers; the same call in the document, or in a worker of an
 * ordinary extension page, works (seen with SwiftShader, tests/e2e/webgpu.e2e.ts).
 * On WebGPU the matrix work is on the GPU and ONNX Runtime awaits it, so the
 * page's thread is mostly idle. WebAssembly stays in the worker.
 */
export class PageEmbedder {
  private engine = new EmbedEngine();

  constructor(private readonly wasmPaths: string) {}

  /** Embeds on WebGPU; a lost device fails the call even when ONNX Runtime returned numbers. */
  async embed(config: EngineConfig, texts: readonly string[], batchSize?: number, onProgress?: ProgressListener) {
    // The Cache API refuses chrome-extension:// URLs; the runtime files are local anyway.
    env.useWasmCache = false;
    env.useBrowserCache = true;
    const wasm = env.backends.onnx.wasm;
    if (wasm) {
      wasm.wasmPaths = this.wasmPaths;
      wasm.numThreads = 1;
    }
    let output: EmbedOutput;
    try {
      output = await this.engine.embed(config, texts, batchSize, onProgress);
    } catch (error) {
      // A lost GPU device makes ONNX Runtime fail in odd ways: say what happened.
      throw (await webgpuDeviceLoss()) ?? AsideError.from(error);
    }
    const loss = await webgpuDeviceLoss();
    if (loss) throw loss;
    return output;
  }

  /** Drops the loaded model (after WebGPU failed): a later call loads it afresh. */
  reset(): void {
    this.engine = new EmbedEngine();
  }
}
