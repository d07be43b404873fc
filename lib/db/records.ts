import type { ContextKind } from '../capture/context-kind';
import type { CaptureMethod, PageContextInfo } from '../capture/page-context';
import type { LinkCheck } from '../consent/answer-links';
import type { FileInPrompt } from '../files/files-budget';
import type { SerializedError } from '../messaging/errors';
import type { Source } from '../rag/citations';
import type { RerankCost } from '../rag/rerank-hits';
import type { SkippedPage } from '../search/read-pages';
import type { ChatImage } from '../vision/chat-image';

/** A chat. `updatedAt` orders the conversation list. */
export interface ConversationRecord {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  profileId?: string;
  model?: string;
  /** `action`: an in-page card's exchange, stored when the user rated it (for fine-tuning data). */
  origin?: 'action';
}

export type MessageStatus = 'complete' | 'streaming' | 'error' | 'stopped';

export interface MessageRecord {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  content: string;
  /** What was sent when it differs from what is shown: an action's filled-in template (content is its name). */
  prompt?: string;
  /** The untrusted-content nonce `prompt` was wrapped with; each later request re-marks it with its own. */
  promptNonce?: string;
  /** Chain-of-thought text from reasoning models (`reasoning_content`). */
  reasoning?: string;
  status: MessageStatus;
  error?: SerializedError;
  /** The page that went into the prompt with this question. */
  context?: PageContextInfo;
  /** Local files attached to this question, as sent (cut to the budget): context for this chat only. */
  files?: FileInPrompt[];
  /** A question asked of the saved library rather than the page. */
  library?: boolean;
  /** The library excerpts an answer could cite; empty when nothing matched. */
  sources?: Source[];
  /** What reranking the library excerpts cost (lib/rag/rerank-hits.ts), when it was on. */
  rerank?: RerankCost;
  /** RAG-Fusion: the model's rewrites the library was also searched with, and their cost in tokens. */
  rewrites?: { queries: string[]; promptTokens: number; completionTokens: number; estimated: boolean };
  /** A question answered from a web search; on its answer, the engine's name. */
  web?: boolean;
  webEngine?: string;
  /** A web answer's result pages that were not read, and why. */
  skipped?: SkippedPage[];
  /** Which of the answer's links carry text of its context (lib/consent/answer-links.ts), set when it ends. */
  linkCheck?: LinkCheck;
  model?: string;
  usage?: { promptTokens: number; completionTokens: number };
  /** The user's rating of an answer, for fine-tuning data (lib/finetune). */
  rating?: 'up' | 'down';
  /** The user's rewrite of the answer; `content` keeps the model's original (a preference pair). */
  edited?: string;
  /** Which answer to the question this is, counting regenerations from 1 (absent: 1). */
  version?: number;
  /** The other answers to the same question, kept when it was regenerated (see lib/db/answer-versions.ts). */
  otherVersions?: AnswerVersion[];
  /** Images sent with a question (screenshots, pasted pictures), as data URLs; deleted with the chat. */
  images?: ChatImage[];
  createdAt: number;
}

/** One answer to a question, as kept when another one is shown in its place. */
export interface AnswerVersion {
  version: number;
  content: string;
  reasoning?: string;
  model?: string;
  usage?: { promptTokens: number; completionTokens: number };
  sources?: Source[];
  linkCheck?: LinkCheck;
  rating?: 'up' | 'down';
  edited?: string;
  status: MessageStatus;
  error?: SerializedError;
}

/** A saved page: one per canonical URL. */
export interface PageRecord {
  id: string;
  /** Canonical URL when the page declares one; unique. */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  excerpt: string | null;
  publishedTime?: string | null;
  markdown: string;
  /** SHA-256 of the Markdown, to tell a changed page from the same one saved again. */
  contentHash: string;
  wordCount: number;
  favIconUrl?: string;
  method: CaptureMethod;
  cutAtCapture: boolean;
  /** A PDF (with its pages); absent: a web page. */
  kind?: ContextKind;
  /** How it entered the library. */
  source: 'saved' | 'auto';
  tags: string[];
  /** First save; kept when the page is saved again. */
  savedAt: number;
  updatedAt: number;
  /** Search index terms (lib/library/search-terms.ts), a multi-entry index. */
  terms: string[];
}

/** A passage the user selected and saved, attached to its page by URL. */
export interface ClipRecord {
  id: string;
  /** The page's canonical URL, as in PageRecord.url. */
  pageUrl: string;
  text: string;
  paragraph: string;
  headingPath: string[];
  savedAt: number;
}

export type IngestState = 'queued' | 'indexing' | 'done' | 'failed' | 'cancelled';

/** A page's place in the indexing queue (lib/rag/ingest-*), one per page. */
export interface IngestJobRecord {
  pageId: string;
  /** The page content this job indexes (or indexed, once done). */
  contentHash: string;
  /** The content last indexed: a job for the same content only re-embeds, keeping the page's chunks. */
  indexedHash?: string;
  /** The embedding model the vectors were (or will be) made with; null when keyword-only. */
  modelId: string | null;
  state: IngestState;
  /** Chunks written, once done. */
  chunks?: number;
  error?: SerializedError;
  updatedAt: number;
}

/** A provider profile's API key. Only the background reads this table. */
export interface SecretRecord {
  profileId: string;
  apiKey: string;
  /**
   * The origin the key was saved for (the profile's base URL then). The key is sent to no other origin;
   * absent on keys stored before v7, which are bound to their profile's origin on first use.
   */
  origin?: string;
}

/** One setting that decides security (lib/settings/setting-item.ts); `value` is parsed with its schema on read. */
export interface SettingRecord {
  key: string;
  value: unknown;
}
