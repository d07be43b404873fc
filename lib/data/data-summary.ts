import Dexie from 'dexie';
import { db } from '../db/database';
import type { MessageRecord } from '../db/records';

export type StoredKindName =
  | 'conversations'
  | 'messages'
  | 'pages'
  | 'clips'
  | 'chunks'
  | 'vectors'
  | 'runs'
  | 'images';

export interface StoredKind {
  readonly kind: StoredKindName;
  readonly count: number;
  /**
   * Exact bytes, where they come without reading other records: vectors (their
   * packed codes and scales) and images (their data URLs). Absent for the
   * other kinds: measuring those read every record on each change, which cost
   * seconds per save in a large library; the table shows the total the browser
   * reports instead.
   */
  readonly bytes?: number;
}

const counted = {
  pages: 'pages',
  clips: 'clips',
  chunks: 'ragChunks',
  conversations: 'conversations',
  messages: 'messages',
  runs: 'runs',
} as const;

/**
 * What Aside keeps in IndexedDB, by kind, from counts and index keys only (no
 * record is read, except the smallest vector block of each model, for its
 * width): cheap at any library size.
 */
export async function countStoredData(): Promise<StoredKind[]> {
  const count = async (kind: keyof typeof counted): Promise<StoredKind> => ({
    kind,
    count: await db().table(counted[kind]).count(),
  });
  const [pages, clips, chunks, vectors, conversations, messages, runs] = await Promise.all([
    count('pages'),
    count('clips'),
    count('chunks'),
    countVectors(),
    count('conversations'),
    count('messages'),
    count('runs'),
  ]);
  return [pages, clips, chunks, vectors, conversations, messages, runs] as StoredKind[];
}

/** Vectors and their packed bytes, from the `[modelId+count]` index keys and one block per model. */
async function countVectors(): Promise<StoredKind> {
  const keys = (await db().ragVectorBlocks.orderBy('[modelId+count]').keys()) as unknown as [string, number][];
  const perModel = new Map<string, number>();
  for (const [modelId, rows] of keys) perModel.set(modelId, (perModel.get(modelId) ?? 0) + rows);
  let count = 0;
  let bytes = 0;
  for (const [modelId, rows] of perModel) {
    // Ascending by count: the model's smallest block, usually one save's few rows.
    const block = await db()
      .ragVectorBlocks.where('[modelId+count]')
      .between([modelId, Dexie.minKey], [modelId, Dexie.maxKey])
      .first();
    count += rows;
    // Per vector: `stride` int8 codes and one float32 scale (lib/rag/vector-blocks.ts).
    bytes += block ? rows * (block.stride + 4) : 0;
  }
  return { kind: 'vectors', count, bytes };
}

/**
 * Images sent in chats, with their size as stored (data URLs). They live inside their
 * questions' messages, so this reads every message: run it again only when
 * the messages changed.
 */
export async function countImages(): Promise<StoredKind> {
  let count = 0;
  let bytes = 0;
  await db().messages.each((message: MessageRecord) => {
    for (const image of message.images ?? []) {
      count++;
      bytes += image.dataUrl.length;
    }
  });
  return { kind: 'images', count, bytes };
}

/** Everything the "Your data" table shows, in its order (images after messages). */
export async function summarizeStoredData(): Promise<StoredKind[]> {
  const [kinds, images] = await Promise.all([countStoredData(), countImages()]);
  return withImages(kinds, images);
}

/** Puts the images row after the messages row. */
export function withImages(kinds: readonly StoredKind[], images: StoredKind): StoredKind[] {
  const at = kinds.findIndex((kind) => kind.kind === 'messages') + 1;
  return [...kinds.slice(0, at), images, ...kinds.slice(at)];
}
