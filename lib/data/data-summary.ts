import { db } from '../db/database';
import type { RagVectorBlockRecord } from '../db/rag-records';

export interface StoredKind {
  readonly kind: 'conversations' | 'messages' | 'pages' | 'clips' | 'chunks' | 'vectors' | 'runs';
  readonly count: number;
  /** Approximate: the records' JSON size (vectors: their packed bytes), which is what the user's data amounts to. */
  readonly bytes: number;
}

const tableOf = {
  pages: 'pages',
  clips: 'clips',
  chunks: 'ragChunks',
  conversations: 'conversations',
  messages: 'messages',
  runs: 'runs',
} as const;

/** What Aside keeps in IndexedDB, by kind, with counts and sizes. */
export async function summarizeStoredData(): Promise<StoredKind[]> {
  const measure = async (kind: keyof typeof tableOf): Promise<StoredKind> => {
    let count = 0;
    let bytes = 0;
    await db()
      .table(tableOf[kind])
      .each((record: unknown) => {
        count++;
        bytes += JSON.stringify(record).length;
      });
    return { kind, count, bytes };
  };
  const vectors = async (): Promise<StoredKind> => {
    let count = 0;
    let bytes = 0;
    await db().ragVectorBlocks.each((block: RagVectorBlockRecord) => {
      count += block.count;
      bytes += block.codes.byteLength + block.scales.byteLength;
    });
    return { kind: 'vectors', count, bytes };
  };
  return Promise.all([
    measure('pages'),
    measure('clips'),
    measure('chunks'),
    vectors(),
    measure('conversations'),
    measure('messages'),
    measure('runs'),
  ]);
}
