import Dexie, { type EntityTable } from 'dexie';
import type { RagChunkRecord, RagLexicalRecord, RagVectorBlockRecord } from './rag-records';
import type { ClipRecord, ConversationRecord, MessageRecord, PageRecord } from './records';

/**
 * Aside's IndexedDB. The version history is append-only: a schema change is a
 * new `version(n)` with an upgrade that loses nothing; never edit an old one.
 */
export class AsideDatabase extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  messages!: EntityTable<MessageRecord, 'id'>;
  pages!: EntityTable<PageRecord, 'id'>;
  clips!: EntityTable<ClipRecord, 'id'>;
  ragChunks!: EntityTable<RagChunkRecord, 'id'>;
  ragLexical!: EntityTable<RagLexicalRecord, 'pageId'>;
  ragVectorBlocks!: EntityTable<RagVectorBlockRecord, 'id'>;

  constructor(name = 'aside') {
    super(name);
    this.version(1).stores({
      conversations: 'id, updatedAt',
      messages: 'id, [conversationId+createdAt]',
    });
    // v2: the library of saved pages. Adds a table; v1 data is untouched.
    this.version(2).stores({
      pages: 'id, &url, savedAt, siteName, *tags, *terms',
    });
    // v3: clips (saved selections), attached to pages by URL.
    this.version(3).stores({
      clips: 'id, pageUrl, savedAt',
    });
    // v4: local RAG (lib/rag): chunk texts, BM25 term counts per page, and
    // int8 vectors packed in blocks per embedding model.
    this.version(4).stores({
      ragChunks: 'id, pageId',
      ragLexical: 'pageId',
      ragVectorBlocks: 'id, modelId, *pageIds, [modelId+count]',
    });
  }
}

let instance: AsideDatabase | undefined;

/** The shared database, opened lazily so importing this module does no work. */
export function db(): AsideDatabase {
  instance ??= new AsideDatabase();
  return instance;
}
