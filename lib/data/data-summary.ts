import { db } from '../db/database';
import type { RagVectorBlockRecord } from '../db/rag-records';
import type { MessageRecord } from '../db/records';

export interface StoredKind {
  readonly kind: 'conversations' | 'messages' | 'pages' | 'clips' | 'chunks' | 'vectors' | 'runs' | 'images';
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
  // Images live inside their questions' messages (and are counted there too); shown apart, as they weigh most.
  const images = async (): Promise<StoredKind> => {
    let count = 0;
    let bytes = 0;
    await db().messages.each((message: MessageRecord) => {
      for (const image of message.images ?? []) {
        count++;
        bytes += image.dataUrl.length;
      }
    });
    return { kind: 'images', count, bytes };
  };
  return Promise.all([
    measure('pages'),
    measure('clips'),
    measure('chunks'),
    vectors(),
    measure('conversations'),
    measure('messages'),
    images(),
    measure('runs'),
  ]);
}
