import { AsideError } from '../messaging/errors';

/** Where ONNX Runtime runs the model. */
export type EmbedBackend = 'webgpu' | 'wasm';
/** The user's choice (options page): WebGPU when the browser offers it, or always WebAssembly. */
export type BackendPreference = 'auto' | 'wasm';
/** Why the model runs on WebAssembly. */
export type WasmReason = 'setting' | 'no-webgpu' | 'webgpu-failed';
export type Dtype = 'q8' | 'fp32';

/** Which backend ran a call, and when WebAssembly, why (with WebGPU's error when it failed). */
export interface BackendUsed {
  readonly backend: EmbedBackend;
  readonly wasmReason?: WasmReason;
  readonly webgpuError?: string;
}

/** Runs the model once on `backend` with the weights `dtype`. */
export type BackendRun<T> = (backend: EmbedBackend, dtype: Dtype) => Promise<T>;

/**
 * The WebGPU path loads fp32 weights: the int8 files Transformers.js ships
 * quantize dynamically (DynamicQuantizeLinear + MatMulInteger), which ONNX
 * Runtime's WebGPU backend places on the CPU, so every matrix product would
 * run there with copies to and from the GPU around it. Measured from ONNX
 * Runtime's verbose node-placement log (scripts/webgpu-cpu-nodes.ts): with
 * the MiniLM-shaped test model, 65 of 407 int8 nodes go to the CPU (all 36
 * MatMulInteger, all 24 DynamicQuantizeLinear), with 87 GPU↔CPU copies; with
 * fp32 only 4 of 190, the input's Cast and the position ids' Shape, Gather, Range.
 */
export const WEBGPU_DTYPE: Dtype = 'fp32';

/**
 * Chooses the embedder's backend for each call and falls back to WebAssembly
 * when WebGPU fails, at load or mid-batch (a lost device). One per embedder
 * host: a failure sticks for the host's life, so a broken GPU is tried once,
 * not on every batch. After a failure the fallback keeps WebGPU's fp32
 * weights: they are already downloaded, and the vectors it makes match the
 * ones WebGPU already stored (cosine ≥ 0.999, tests/e2e/webgpu.e2e.ts).
 */
export class EmbedBackendChooser {
  private adapter: Promise<boolean> | null = null;
  private webgpuError: string | null = null;

  /**
   * `hasAdapter` asks the browser for a WebGPU adapter; `restart` drops the
   * model loaded on WebGPU, whose device may be gone.
   */
  constructor(
    private readonly hasAdapter: () => Promise<boolean>,
    private readonly restart: () => void,
  ) {}

  /** Runs `run` on the backend this call gets; what it returns, with the backend used. */
  async run<T>(preference: BackendPreference, dtype: Dtype, run: BackendRun<T>): Promise<BackendUsed & { output: T }> {
    if (preference === 'wasm') return { output: await run('wasm', dtype), backend: 'wasm', wasmReason: 'setting' };
    if (this.webgpuError !== null) return { output: await run('wasm', WEBGPU_DTYPE), ...this.failed() };
    this.adapter ??= this.hasAdapter().catch(() => false);
    if (!(await this.adapter)) return { output: await run('wasm', dtype), backend: 'wasm', wasmReason: 'no-webgpu' };
    try {
      return { output: await run('webgpu', WEBGPU_DTYPE), backend: 'webgpu' };
    } catch (error) {
      // The host cannot be reached: not WebGPU's fault, and WebAssembly would fail the same way.
      if (AsideError.from(error).code === 'model-unreachable') throw error;
      this.restart();
      // Throws when WebAssembly fails too: then the model is at fault, and WebGPU stays for the next call.
      const output = await run('wasm', WEBGPU_DTYPE);
      this.webgpuError = error instanceof Error ? error.message : String(error);
      return { output, ...this.failed() };
    }
  }

  private failed(): BackendUsed {
    return { backend: 'wasm', wasmReason: 'webgpu-failed', webgpuError: this.webgpuError ?? '' };
  }
}
