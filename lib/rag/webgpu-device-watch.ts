import { env } from '@huggingface/transformers';
import { AsideError } from '../messaging/errors';

interface LosableDevice {
  readonly lost: Promise<{ readonly reason?: string; readonly message?: string }>;
}

let watched: LosableDevice | null = null;
let lostMessage: string | null = null;

/**
 * The loss of the GPU device ONNX Runtime uses (driver reset, GPU process
 * crash, device destroyed), or null while it is fine. Called only after a
 * WebGPU job ran (reading ONNX Runtime's `env.webgpu.device` before its first
 * WebGPU session would create a device): after each job, so vectors computed
 * around a loss are never returned as good ones, and on a failed job, to say
 * why it failed; the embedder host then falls back to WebAssembly
 * (lib/rag/embed-backend.ts). Transformers.js copies ONNX Runtime's `env`
 * shallowly into `env.backends.onnx`, so its `webgpu` object is ONNX
 * Runtime's own, whose `device` getter gives the session's device.
 */
export async function webgpuDeviceLoss(): Promise<AsideError | null> {
  const webgpu = (env.backends.onnx as { webgpu?: { device?: unknown } } | undefined)?.webgpu;
  // Typed as a promise of the device; some ONNX Runtime builds hand the device itself. Either is fine.
  const device = (await Promise.resolve()
    .then(() => webgpu?.device)
    .catch(() => undefined)) as LosableDevice | undefined;
  if (device && device !== watched && device.lost instanceof Promise) {
    watched = device;
    lostMessage = null;
    void device.lost.then((info) => {
      if (watched === device) lostMessage = `${info.reason ?? 'unknown'}: ${info.message ?? ''}`.trim();
    });
    // A device lost before this call has its `lost` promise resolved already: let it settle first.
    await Promise.race([device.lost, Promise.resolve()]);
  }
  return lostMessage === null ? null : new AsideError('internal', `The WebGPU device was lost (${lostMessage})`);
}
