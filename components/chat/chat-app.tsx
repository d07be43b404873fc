import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { browser } from 'wxt/browser';
import { db } from '../../lib/db/database';
import { AsideError } from '../../lib/messaging/errors';
import { activeProfileItem, profilesItem } from '../../lib/settings/secure-settings';
import { AgentView, useAgentMode } from '../agent/agent-view';
import { AttachButton } from '../files/attach-button';
import { ComposerFiles } from '../files/composer-files';
import { QueuedSendNote } from '../files/queued-send-note';
import { useLocalFiles } from '../files/use-local-files';
import { useQueuedSend } from '../files/use-queued-send';
import type { ActiveTab } from '../hooks/use-active-tab';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { AssistantMessage } from './assistant-message';
import { ChatHeader } from './chat-header';
import { Composer, loadDraft } from './composer';
import { ContextBar } from './context-bar';
import { ConversationList } from './conversation-list';
import { ChatEmptyState } from './empty-state';
import { ImageThumbs } from './image-thumbs';
import { LibraryBar } from './library-bar';
import { McpPromptActions } from './mcp-prompt-actions';
import { McpResourcePicker } from './mcp-resource-picker';
import { OpenSettingsFix } from './open-settings';
import { PanelActions } from './panel-actions';
import { type ChatScope, ScopeSwitch } from './scope-switch';
import { ScreenshotButton } from './screenshot-button';
import { useChat } from './use-chat';
import { useImageAttachments } from './use-image-attachments';
import { useMcpCatalog } from './use-mcp-catalog';
import { usePagePreview } from './use-page-preview';
import { usePanelHandoff } from './use-panel-handoff';
import { useVision } from './use-vision';
import { useWebConsent } from './use-web-consent';
import { UserMessage } from './user-message';
import { videoOfAnswer } from './video-target';
import { WebBar } from './web-bar';
import { WebConsent } from './web-consent';
import './chat.css';

const libraryPrefix = /^@library\b\s*/i;
const webPrefix = /^@web\b\s*/i;

const nothingAttached = { images: [], files: [] };

/** Page errors that mean Aside cannot read the page at all (so page actions are off). */
const unreadableCodes = new Set(['page-unreadable', 'page-no-content-script']);

/**
 * The side panel: chat about the active tab's page (Copilot mode). Its header
 * controls go into the panel's one header row (`headSlot`) while Chat is shown.
 */
export function ChatApp({ tab, headSlot }: { tab: ActiveTab | null; headSlot: HTMLElement | null }) {
  const t = useT();
  const chat = useChat();
  const [includePage, setIncludePage] = useState(true);
  const [scope, setScope] = useState<ChatScope>('page');
  const preview = usePagePreview(tab, includePage && scope === 'page');
  const profiles = useStorageItem(profilesItem);
  const active = useStorageItem(activeProfileItem);
  const [choice, setChoice] = useState<{ profileId: string; model: string } | null>(null);
  const [draft, setDraft] = useState(loadDraft);
  const [showList, setShowList] = useState(false);
  const [agentMode, setAgentMode] = useAgentMode();
  usePanelHandoff({ open: chat.open, draft: setDraft });
  const bottom = useRef<HTMLDivElement>(null);

  const running = chat.live?.running ?? false;
  const selected = choice ?? active ?? undefined;
  const target = {
    pageTabId: includePage && tab && scope === 'page' ? tab.id : null,
    ...(selected ? { profileId: selected.profileId, model: selected.model } : {}),
    ...(scope === 'library' ? { library: true } : {}),
    ...(scope === 'web' ? { web: true } : {}),
  };
  const web = useWebConsent();
  const mcpCatalog = useMcpCatalog();
  const [mcpResource, setMcpResource] = useState<Parameters<typeof McpResourcePicker>[0]['attached']>(null);
  const vision = useVision(selected?.model);
  const attachments = useImageAttachments(vision);
  const files = useLocalFiles();
  const queue = useQueuedSend(files.items, () => send(draft.trim()));

  // A stored chat reopens with the provider and model it used.
  useEffect(() => {
    if (!chat.conversationId) return;
    void db()
      .conversations.get(chat.conversationId)
      .then((conversation) => {
        if (conversation?.profileId && conversation.model) {
          setChoice({ profileId: conversation.profileId, model: conversation.model });
        }
      });
  }, [chat.conversationId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever a message or a streamed token arrives
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [chat.messages.length, chat.live?.content]);

  const send = (typed: string) => {
    // "@library …" asks the library once, "@web …" the web, whatever the scope.
    const library = libraryPrefix.exec(typed);
    const once = library ?? webPrefix.exec(typed);
    const text = once ? typed.slice(once[0].length).trim() : typed;
    if (!text) return;
    const { library: _l, web: _w, ...plain } = target;
    const to = library
      ? { ...plain, pageTabId: null, library: true }
      : once
        ? { ...plain, pageTabId: null, web: true }
        : target;
    // Attached files go with this question (and stay in this chat); one still being read holds it back
    // until it is read, and the composer says so.
    if (files.reading) {
      queue.hold();
      return;
    }
    const attached = {
      ...(mcpResource
        ? { mcpResource: { serverId: mcpResource.serverId, uri: mcpResource.uri, name: mcpResource.name } }
        : {}),
      ...(files.ready.length > 0 ? { files: [...files.ready] } : {}),
      ...(attachments.images.length > 0 ? { images: attachments.images } : {}),
    };
    const go = () =>
      chat.send(text, { ...to, ...attached }, () => {
        setDraft('');
        queue.clearHeld();
        setMcpResource(null);
        attachments.clear();
        files.clear();
      });
    if (to.web) void web.guard(go);
    else go();
  };
  // Files dropped or pasted on the question box: pictures go with the question as images, documents as files.
  const takeDropped = (dropped: readonly File[]): boolean => {
    const documents = dropped.filter((file) => !file.type.startsWith('image/'));
    if (documents.length > 0) files.add(documents);
    return attachments.takeFiles(dropped) || documents.length > 0;
  };
  // Files still being read go too (sending waits for them); refused ones do not.
  const filesGoing = files.items.filter((item) => item.status !== 'failed');
  const last = chat.messages.at(-1);
  const noProvider = profiles?.length === 0;
  const unreadable =
    scope === 'page' && includePage && (preview.unreadable || unreadableCodes.has(preview.error?.code ?? ''))
      ? t('context.unreadableWhy')
      : undefined;
  const header = (
    <ChatHeader
      profiles={profiles}
      selected={selected}
      onModel={(profileId, model) => setChoice({ profileId, model })}
      onHistory={() => setShowList(!showList)}
      onNew={() => {
        chat.open(null);
        setChoice(null);
      }}
      agentMode={agentMode}
      onAgentMode={setAgentMode}
    />
  );

  return (
    <div className="chat-app">
      {headSlot ? createPortal(header, headSlot) : null}
      {scope === 'page' || agentMode ? (
        <ContextBar
          tab={tab}
          include={includePage}
          preview={preview}
          attached={agentMode ? nothingAttached : { images: attachments.images, files: filesGoing }}
          onIncludeChange={setIncludePage}
        />
      ) : scope === 'web' ? (
        <WebBar />
      ) : (
        <LibraryBar />
      )}

      {agentMode ? (
        <AgentView tab={tab} target={selected ? { profileId: selected.profileId, model: selected.model } : {}} />
      ) : null}
      {!agentMode && showList ? (
        <ConversationList
          currentId={chat.conversationId}
          onOpen={(id) => {
            chat.open(id);
            setShowList(false);
          }}
          onClose={() => setShowList(false)}
        />
      ) : null}

      <main className="messages" aria-live="polite" hidden={agentMode}>
        {noProvider ? (
          <div className="empty" data-testid="setup-provider">
            <p>{t('chat.empty.noProvider')}</p>
            <button type="button" className="primary" onClick={() => browser.runtime.openOptionsPage()}>
              {t('chat.openSettings')}
            </button>
          </div>
        ) : chat.messages.length === 0 && !running ? (
          <ChatEmptyState
            scope={scope}
            includePage={includePage}
            unreadable={unreadable}
            pageLang={preview.info?.lang}
            onPick={send}
          />
        ) : null}
        {chat.messages.map((message, index) =>
          message.role === 'user' ? (
            <UserMessage
              key={message.id}
              message={message}
              busy={running}
              onEdit={(text) => chat.edit(message.id, text, target)}
            />
          ) : (
            <AssistantMessage
              key={message.id}
              message={message}
              live={chat.live?.assistantMessageId === message.id ? chat.live : null}
              isLast={message.id === last?.id}
              busy={running}
              onRegenerate={() => chat.regenerate(target)}
              video={videoOfAnswer(chat.messages, index)}
            />
          ),
        )}
        {chat.live?.error ? (
          <ErrorMessage error={chat.live.error}>
            <OpenSettingsFix error={chat.live.error} />
          </ErrorMessage>
        ) : null}
        {web.pending ? (
          <WebConsent engine={web.pending.engine} onAllow={() => void web.allow()} onDeny={web.deny} />
        ) : null}
        {web.declined ? (
          <ErrorMessage
            error={new AsideError('search-declined', 'Web search was not allowed.', {
              params: { engine: web.declined },
            }).toJSON()}
          />
        ) : null}
        <div ref={bottom} />
      </main>

      {agentMode ? null : <ComposerFiles files={files} />}
      {agentMode ? null : (
        <McpPromptActions
          catalog={mcpCatalog}
          disabled={running}
          onRun={(mcpPrompt, label) => {
            const { library: _l, web: _w, ...plain } = target;
            chat.send(label, { ...plain, mcpPrompt });
          }}
        />
      )}
      {agentMode ? null : (
        <div className="composer-attachments">
          <ImageThumbs images={attachments.images} onRemove={attachments.remove} />
          {attachments.error ? <ErrorMessage error={attachments.error} /> : null}
          <QueuedSendNote waiting={queue.waiting} held={queue.held} />
        </div>
      )}
      {agentMode ? null : (
        <Composer
          blocked={noProvider ? t('chat.empty.noProvider') : undefined}
          tools={
            <>
              <ScopeSwitch scope={scope} onChange={setScope} />
              {scope === 'page' && tab ? (
                <PanelActions
                  disabled={running}
                  unreadable={unreadable}
                  onRun={(actionId, name) => chat.send(name, { ...target, pageTabId: tab.id, actionId })}
                />
              ) : null}
              <AttachButton onFiles={files.add} testId="attach-input" iconOnly />
              <ScreenshotButton
                vision={vision}
                busy={attachments.busy}
                onCapture={() => void attachments.screenshot(tab?.title ?? '')}
              />
              <McpResourcePicker catalog={mcpCatalog} attached={mcpResource} onAttach={setMcpResource} />
            </>
          }
          onFiles={takeDropped}
          value={draft}
          onChange={setDraft}
          onSend={() => send(draft.trim())}
          onStop={chat.stop}
          running={running}
          placeholder={
            noProvider
              ? t('chat.placeholderNoProvider')
              : scope === 'library'
                ? t('rag.placeholder')
                : scope === 'web'
                  ? t('web.placeholder')
                  : includePage
                    ? t('chat.placeholder')
                    : t('chat.placeholderNoPage')
          }
        />
      )}
    </div>
  );
}
