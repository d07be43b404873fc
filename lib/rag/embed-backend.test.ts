import { describe, expect, it } from 'vitest';
import { AsideError } from '../messaging/errors';
import { type Dtype, type EmbedBackend, EmbedBackendChooser } from './embed-backend';

/** A chooser over a fake runtime that records each run and fails WebGPU as told. */
function setup(adapter: boolean, webgpu: 'works' | 'fails' | 'unreachable' = 'works') {
  const runs: string[] = [];
  let restarts = 0;
  const chooser = new EmbedBackendChooser(
    async () => adapter,
    () => restarts++,
  );
  const run = async (backend: EmbedBackend, dtype: Dtype) => {
    runs.push(`${backend}/${dtype}`);
    if (backend === 'webgpu' && webgpu === 'fails') throw new AsideError('internal', 'The WebGPU device was lost');
    if (webgpu === 'unreachable') throw new AsideError('model-unreachable', 'Cannot reach the host');
    return 'vectors';
  };
  return { chooser, run, runs, restarts: () => restarts };
}

describe('embedder backend choice', () => {
  it('runs fp32 weights on WebGPU when the browser has an adapter', async () => {
    const { chooser, run, runs } = setup(true);
    expect(await chooser.run('auto', 'q8', run)).toEqual({ output: 'vectors', backend: 'webgpu' });
    expect(runs).toEqual(['webgpu/fp32']);
  });

  it('runs the requested weights on WebAssembly without an adapter, or when the setting says so', async () => {
    const none = setup(false);
    expect(await none.chooser.run('auto', 'q8', none.run)).toMatchObject({ backend: 'wasm', wasmReason: 'no-webgpu' });
    const forced = setup(true);
    expect(await forced.chooser.run('wasm', 'q8', forced.run)).toMatchObject({
      backend: 'wasm',
      wasmReason: 'setting',
    });
    expect([...none.runs, ...forced.runs]).toEqual(['wasm/q8', 'wasm/q8']);
  });

  it('falls back to WebAssembly with the same fp32 weights when WebGPU fails, and stays there', async () => {
    const { chooser, run, runs, restarts } = setup(true, 'fails');
    const first = await chooser.run('auto', 'q8', run);
    expect(first).toEqual({
      output: 'vectors',
      backend: 'wasm',
      wasmReason: 'webgpu-failed',
      webgpuError: 'The WebGPU device was lost',
    });
    // The runtime that held the lost device is dropped before WebAssembly runs.
    expect(restarts()).toBe(1);
    expect(await chooser.run('auto', 'q8', run)).toEqual(first);
    expect(runs).toEqual(['webgpu/fp32', 'wasm/fp32', 'wasm/fp32']);
  });

  it('does not blame WebGPU when the model host cannot be reached', async () => {
    const { chooser, run, runs } = setup(true, 'unreachable');
    await expect(chooser.run('auto', 'q8', run)).rejects.toMatchObject({ code: 'model-unreachable' });
    expect(runs).toEqual(['webgpu/fp32']);
  });
});
