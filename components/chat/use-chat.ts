import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageContextInfo } from '../../lib/capture/page-context';
import type { ChatEvent, ChatStart } from '../../lib/chat/chat-stream-protocol';
import { listMessages } from '../../lib/db/conversations';
import type { MessageRecord } from '../../lib/db/records';
import type { LocalFile } from '../../lib/files/local-file';
import type { McpPromptPick, McpResourcePick } from '../../lib/mcp/mcp-catalog-schema';
import type { SerializedError } from '../../lib/messaging/errors';
import { openStream, type StreamHandle } from '../../lib/messaging/streams';
import type { Source } from '../../lib/rag/citations';
import type { SkippedPage } from '../../lib/search/read-pages';
import type { ChatImage } from '../../lib/vision/chat-image';

/** The turn being streamed right now, drawn over its stored message until the store catches up. */
export interface LiveTurn {
  readonly assistantMessageId: string | null;
  readonly content: string;
  readonly reasoning: string;
  readonly running: boolean;
  readonly retry?: {
    readonly attempt: number;
    readonly maxAttempts: number;
    readonly until: number;
    /** What is being waited out (a web search engine's rate limit names the engine). */
    readonly error?: SerializedError;
  };
  /** A web question's progress, until the answer starts. */
  readonly web?: {
    readonly stage: 'rewriting' | 'searching' | 'reading' | 'ranking';
    readonly engine: string;
    readonly done?: number;
    readonly total?: number;
  };
  /** A library question waiting for the library's indexes to open, until its sources arrive. */
  readonly library?: { readonly stage: 'opening' };
  /** A web question's result pages that were not read. */
  readonly skipped?: readonly SkippedPage[];
  readonly context?: PageContextInfo;
  /** Library excerpts the answer may cite (library questions only). */
  readonly sources?: readonly Source[];
  /** RAG-Fusion: the rewrites the library was also searched with, and their cost. */
  readonly rewrites?: NonNullable<MessageRecord['rewrites']>;
  /** An error that came before any message was stored (e.g. no provider). */
  readonly error?: SerializedError;
  /** The background went away mid-answer (service worker stopped). */
  readonly lost?: boolean;
}

export interface ChatTarget {
  readonly pageTabId: number | null;
  readonly profileId?: string;
  readonly model?: string;
  readonly library?: boolean;
  readonly web?: boolean;
  /** Run this side-panel action (send only). */
  readonly actionId?: string;
  /** An MCP resource attached to the question, or an MCP prompt to run (send only). */
  readonly mcpResource?: McpResourcePick;
  readonly mcpPrompt?: McpPromptPick;
  /** Screenshots and pictures going with the question (send only). */
  readonly images?: ChatImage[];
  /** Local files read in the panel, context for this chat (send only). */
  readonly files?: LocalFile[];
}

function reduce(turn: LiveTurn, event: ChatEvent): LiveTurn {
  switch (event.type) {
    case 'started':
      return { ...turn, assistantMessageId: event.assistantMessageId };
    case 'context':
      return { ...turn, context: event.context };
    case 'sources': {
      const { library: _opened, ...rest } = turn;
      return { ...rest, sources: event.sources };
    }
    case 'library':
      return { ...turn, library: { stage: event.stage } };
    case 'reasoning':
      return { ...turn, reasoning: turn.reasoning + event.text, retry: undefined };
    case 'delta':
      return { ...turn, content: turn.content + event.text, retry: undefined };
    case 'retry':
      return {
        ...turn,
        retry: {
          attempt: event.attempt,
          maxAttempts: event.maxAttempts,
          until: Date.now() + event.delayMs,
          error: event.error,
        },
      };
    case 'web': {
      const { type: _type, ...web } = event;
      return { ...turn, web, retry: undefined };
    }
    case 'skipped':
      return { ...turn, skipped: event.skipped };
    case 'rewrites': {
      const { type: _type, ...rewrites } = event;
      return { ...turn, rewrites };
    }
    case 'usage':
      return turn;
    case 'done':
    case 'stopped':
      return { ...turn, running: false, retry: undefined };
    case 'error':
      return { ...turn, running: false, retry: undefined, ...(turn.assistantMessageId ? {} : { error: event.error }) };
  }
}

/**
 * The side panel's chat state: stored messages through a live query, the
 * streaming turn through the background's port, and the actions on them.
 */
export function useChat() {
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [live, setLive] = useState<LiveTurn | null>(null);
  const handle = useRef<StreamHandle | null>(null);
  const messages: MessageRecord[] =
    useLiveQuery(() => (conversationId ? listMessages(conversationId) : Promise.resolve([])), [conversationId]) ?? [];

  useEffect(() => () => handle.current?.cancel(), []);

  const run = useCallback((start: ChatStart, onStarted?: () => void) => {
    handle.current?.cancel();
    setLive({ assistantMessageId: null, content: '', reasoning: '', running: true });
    handle.current = openStream(
      'chat',
      start,
      (event) => {
        if (event.type === 'started') {
          setConversationId(event.conversationId);
          onStarted?.();
        }
        setLive((turn) => (turn ? reduce(turn, event) : turn));
      },
      (error) =>
        setLive((turn) =>
          turn
            ? {
                ...turn,
                running: false,
                retry: undefined,
                ...(turn.assistantMessageId ? { lost: true } : { error: error.toJSON() }),
              }
            : turn,
        ),
    );
  }, []);

  const send = useCallback(
    (text: string, target: ChatTarget, onStarted?: () => void) =>
      run({ kind: 'send', conversationId, text, ...target }, onStarted),
    [conversationId, run],
  );
  const regenerate = useCallback(
    (target: ChatTarget) => conversationId && run({ kind: 'regenerate', conversationId, ...target }),
    [conversationId, run],
  );
  const edit = useCallback(
    (messageId: string, text: string, target: ChatTarget) =>
      conversationId && run({ kind: 'edit', conversationId, messageId, text, ...target }),
    [conversationId, run],
  );
  const stop = useCallback(() => handle.current?.cancel(), []);
  const open = useCallback((id: string | null) => {
    handle.current?.cancel();
    setLive(null);
    setConversationId(id);
  }, []);

  return { conversationId, messages, live, send, regenerate, edit, stop, open };
}
