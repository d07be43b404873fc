import Dexie, { type EntityTable } from 'dexie';
import type { AgentRunRecord, AgentStepRecord } from '../agent/run-records';
import type {
  RagChunkRecord,
  RagLexicalDirtyRecord,
  RagLexicalRecord,
  RagLexicalSnapshotRecord,
  RagVectorBlockRecord,
} from './rag-records';
import type {
  ClipRecord,
  ConversationRecord,
  IngestJobRecord,
  MessageRecord,
  PageRecord,
  SecretRecord,
  SettingRecord,
} from './records';
import { upgradeSearchTerms } from './upgrade-search-terms';

/**
 * Aside's IndexedDB. The version history is append-only: a schema change is a
 * new `version(n)` with an upgrade that loses nothing; never edit an old one.
 */
export class AsideDatabase extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  messages!: EntityTable<MessageRecord, 'id'>;
  pages!: EntityTable<PageRecord, 'id'>;
  clips!: EntityTable<ClipRecord, 'id'>;
  ingestJobs!: EntityTable<IngestJobRecord, 'pageId'>;
  secrets!: EntityTable<SecretRecord, 'profileId'>;
  runs!: EntityTable<AgentRunRecord, 'id'>;
  runSteps!: EntityTable<AgentStepRecord, 'id'>;
  ragChunks!: EntityTable<RagChunkRecord, 'id'>;
  ragLexical!: EntityTable<RagLexicalRecord, 'pageId'>;
  ragVectorBlocks!: EntityTable<RagVectorBlockRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  ragLexicalSnapshot!: EntityTable<RagLexicalSnapshotRecord, 'id'>;
  ragLexicalDirty!: EntityTable<RagLexicalDirtyRecord, 'pageId'>;

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
    // v5: the ingest queue (one job per page), and pages indexed by content hash so
    // the queue can compare every page's hash with what was indexed without reading texts.
    // API keys move here from storage.local, which content scripts can read; the
    // extension origin's IndexedDB is out of their reach (lib/settings/api-keys.ts).
    this.version(5).stores({
      pages: 'id, &url, savedAt, siteName, *tags, *terms, contentHash',
      ingestJobs: 'pageId, state, updatedAt',
      secrets: 'profileId',
    });
    // v6: agent runs and their steps, written as they happen.
    this.version(6).stores({
      runs: 'id, updatedAt, status',
      runSteps: 'id, [runId+index]',
    });
    // v7: the settings that decide security (provider profiles, consent grants, teams, actions, the model
    // host, auto-save rules, …) move here from storage.local, which every content script can write
    // (lib/settings/secure-settings.ts moves them on first start). API keys gain the origin they were saved for.
    this.version(7).stores({
      settings: 'key',
    });
    // v8: search terms are stemmed and keyword search has title and heading fields (BM25F): the pages'
    // terms and the keyword rows are rebuilt from the stored pages, clips and chunks (no schema change).
    this.version(8)
      .stores({})
      .upgrade((tx) => upgradeSearchTerms(tx));
    // v9: the keyword index as built in memory, saved whole (lib/rag/lexical-snapshot.ts), and the pages whose
    // keyword rows changed since, so a fresh service worker opens the index with one read instead of
    // rebuilding it from every row. An upgrade that rewrites ragLexical must clear ragLexicalSnapshot.
    this.version(9).stores({
      ragLexicalSnapshot: 'id',
      ragLexicalDirty: 'pageId',
    });
  }
}

let instance: AsideDatabase | undefined;

/** The shared database, opened lazily so importing this module does no work. */
export function db(): AsideDatabase {
  instance ??= new AsideDatabase();
  return instance;
}
