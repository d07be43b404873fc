import Dexie, { type EntityTable } from 'dexie';
import type { AgentRunRecord, AgentStepRecord } from '../agent/run-records';
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
  runs!: EntityTable<AgentRunRecord, 'id'>;
  runSteps!: EntityTable<AgentStepRecord, 'id'>;

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
    // v6 (v4 and v5 belong to the RAG branches): agent runs and their steps, written as they happen.
    this.version(6).stores({
      runs: 'id, updatedAt, status',
      runSteps: 'id, [runId+index]',
    });
  }
}

let instance: AsideDatabase | undefined;

/** The shared database, opened lazily so importing this module does no work. */
export function db(): AsideDatabase {
  instance ??= new AsideDatabase();
  return instance;
}
