import { db } from '../db/database';
import type { RagVectorBlockRecord } from '../db/rag-records';

/** Vectors per full block: 4096 × 388 bytes ≈ 1.6 MB per row, 25 rows for 100k chunks. */
export const blockSize = 4096;
/** Small blocks (one per addChunks call) allowed per model before they are merged into full ones. */
const maxSmallBlocks = 16;

export interface NewVectors {
  modelId: string;
  dims: number;
  stride: number;
  chunkIds: string[];
  rowPages: string[];
  codes: Int8Array;
  scales: Float32Array;
}

/**
 * Inside a transaction: writes the vectors as a new block, then, once a model
 * has too many partly filled blocks, repacks those into full ones. Each
 * vector is thus rewritten a bounded number of times, and a library of 100k
 * chunks is ~25 large rows plus a few small ones.
 */
export async function appendVectorBlock(vectors: NewVectors): Promise<void> {
  await db().ragVectorBlocks.put(blockRecord(vectors));
  const smallBlocks = db()
    .ragVectorBlocks.where('[modelId+count]')
    .between([vectors.modelId, 0], [vectors.modelId, blockSize], true, false);
  if ((await smallBlocks.count()) <= maxSmallBlocks) return;
  const small = await smallBlocks.toArray();
  const merged = concat(small, vectors);
  await db().ragVectorBlocks.bulkDelete(small.map((b) => b.id));
  for (let from = 0; from < merged.chunkIds.length; from += blockSize) {
    await db().ragVectorBlocks.put(blockRecord(slice(merged, from, from + blockSize)));
  }
}

/**
 * Inside a transaction: drops rows of the given pages from the blocks that
 * hold them (blocks found by the multi-entry pageIds index), limited to
 * blocks passing `which` and, when given, to the listed chunk ids.
 */
export async function removeVectorRows(
  pageIds: string[],
  which: (block: RagVectorBlockRecord) => boolean,
  chunkIds: ReadonlySet<string> | null,
): Promise<void> {
  const pages = new Set(pageIds);
  const blocks = (await db().ragVectorBlocks.where('pageIds').anyOf(pageIds).distinct().toArray()).filter(which);
  for (const block of blocks) {
    const keep: number[] = [];
    block.chunkIds.forEach((id, row) => {
      const page = block.rowPages[row] as string;
      if (!pages.has(page) || (chunkIds && !chunkIds.has(id))) keep.push(row);
    });
    if (keep.length === block.count) continue;
    if (keep.length === 0) {
      await db().ragVectorBlocks.delete(block.id);
      continue;
    }
    const codes = new Int8Array(block.codes);
    const scales = new Float32Array(block.scales);
    const kept = new Int8Array(keep.length * block.stride);
    keep.forEach((row, i) => {
      kept.set(codes.subarray(row * block.stride, (row + 1) * block.stride), i * block.stride);
    });
    // Same id: the block is rewritten in place.
    await db().ragVectorBlocks.put(
      blockRecord({
        ...block,
        chunkIds: keep.map((row) => block.chunkIds[row] as string),
        rowPages: keep.map((row) => block.rowPages[row] as string),
        codes: kept,
        scales: Float32Array.from(keep, (row) => scales[row] as number),
      }),
    );
  }
}

function blockRecord(vectors: NewVectors & { id?: string }): RagVectorBlockRecord {
  return {
    id: vectors.id ?? crypto.randomUUID(),
    modelId: vectors.modelId,
    dims: vectors.dims,
    stride: vectors.stride,
    count: vectors.chunkIds.length,
    chunkIds: vectors.chunkIds,
    rowPages: vectors.rowPages,
    pageIds: [...new Set(vectors.rowPages)],
    // Copies: the stored buffer must hold exactly these rows, not a larger backing buffer.
    codes: vectors.codes.slice().buffer,
    scales: vectors.scales.slice().buffer,
  };
}

function concat(blocks: RagVectorBlockRecord[], like: NewVectors): NewVectors {
  const count = blocks.reduce((sum, b) => sum + b.count, 0);
  const codes = new Int8Array(count * like.stride);
  const scales = new Float32Array(count);
  let at = 0;
  for (const block of blocks) {
    codes.set(new Int8Array(block.codes), at * like.stride);
    scales.set(new Float32Array(block.scales), at);
    at += block.count;
  }
  return {
    ...like,
    chunkIds: blocks.flatMap((b) => b.chunkIds),
    rowPages: blocks.flatMap((b) => b.rowPages),
    codes,
    scales,
  };
}

function slice(vectors: NewVectors, from: number, to: number): NewVectors {
  return {
    ...vectors,
    chunkIds: vectors.chunkIds.slice(from, to),
    rowPages: vectors.rowPages.slice(from, to),
    codes: vectors.codes.subarray(from * vectors.stride, to * vectors.stride),
    scales: vectors.scales.subarray(from, to),
  };
}
