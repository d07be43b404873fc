import { db } from '../db/database';

export interface StoredKind {
  readonly kind: 'conversations' | 'messages' | 'pages' | 'clips' | 'runs';
  readonly count: number;
  /** Approximate: the records' JSON size, which is what the user's data amounts to. */
  readonly bytes: number;
}

/** What Aside keeps in IndexedDB, by kind, with counts and sizes. */
export async function summarizeStoredData(): Promise<StoredKind[]> {
  const measure = async (kind: StoredKind['kind']): Promise<StoredKind> => {
    let count = 0;
    let bytes = 0;
    await db()
      .table(kind)
      .each((record: unknown) => {
        count++;
        bytes += JSON.stringify(record).length;
      });
    return { kind, count, bytes };
  };
  return Promise.all([
    measure('pages'),
    measure('clips'),
    measure('conversations'),
    measure('messages'),
    measure('runs'),
  ]);
}
