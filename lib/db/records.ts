import type { PageContextInfo } from '../capture/page-context';
import type { SerializedError } from '../messaging/errors';

/** A chat. `updatedAt` orders the conversation list. */
export interface ConversationRecord {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  profileId?: string;
  model?: string;
}

export type MessageStatus = 'complete' | 'streaming' | 'error' | 'stopped';

export interface MessageRecord {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  content: string;
  /** Chain-of-thought text from reasoning models (`reasoning_content`). */
  reasoning?: string;
  status: MessageStatus;
  error?: SerializedError;
  /** The page that went into the prompt with this question. */
  context?: PageContextInfo;
  model?: string;
  usage?: { promptTokens: number; completionTokens: number };
  createdAt: number;
}
