// TEMP STUB (not committed)
import type { Chunk } from './chunk';
export async function addChunks(
  _m: string | null,
  _d: number,
  _e: { pageId: string; chunk: Chunk; vector: Float32Array | null }[],
): Promise<void> {}
export async function removePage(_p: string): Promise<void> {}
