import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../lib/db/database';
import { callBackground } from '../../lib/messaging/requests';
import { useI18n } from '../hooks/use-t';
import { whenLabel } from './when-label';

/** Finds conversations whose title or any message contains the query (case-insensitive). */
async function searchConversations(query: string) {
  const all = await db().conversations.orderBy('updatedAt').reverse().toArray();
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return all;
  const hits = new Set<string>();
  await db()
    .messages.filter((message) => message.content.toLocaleLowerCase().includes(needle))
    .each((message) => hits.add(message.conversationId));
  return all.filter((c) => c.title.toLocaleLowerCase().includes(needle) || hits.has(c.id));
}

/** The chat history drawer: search, open (each chat with when it was last used), rename, delete. */
export function ConversationList({
  currentId,
  onOpen,
  onClose,
}: {
  currentId: string | null;
  onOpen: (id: string | null) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const conversations = useLiveQuery(() => searchConversations(query), [query]) ?? [];
  return (
    <aside className="drawer" data-testid="conversation-list">
      <div className="row drawer-head">
        <input
          type="search"
          aria-label={t('chat.searchConversations')}
          placeholder={t('chat.searchConversations')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className="ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {conversations.length === 0 ? <p className="muted">{t('chat.noConversations')}</p> : null}
      <ul>
        {conversations.map((conversation) => (
          <li
            key={conversation.id}
            className={conversation.id === currentId ? 'current' : ''}
            data-testid="conversation-item"
          >
            {renaming?.id === conversation.id ? (
              <form
                className="row"
                onSubmit={async (event) => {
                  event.preventDefault();
                  if (renaming.title.trim()) {
                    await callBackground('conversations.rename', { id: renaming.id, title: renaming.title.trim() });
                  }
                  setRenaming(null);
                }}
              >
                <input
                  aria-label={t('common.rename')}
                  value={renaming.title}
                  onChange={(event) => setRenaming({ ...renaming, title: event.target.value })}
                />
                <button type="submit">{t('common.save')}</button>
              </form>
            ) : (
              <>
                <button type="button" className="ghost conversation-title" onClick={() => onOpen(conversation.id)}>
                  <span className="conversation-name">{conversation.title}</span>
                  <time className="conversation-date muted" dateTime={new Date(conversation.updatedAt).toISOString()}>
                    {whenLabel(conversation.updatedAt, locale)}
                  </time>
                </button>
                <button
                  type="button"
                  className="ghost"
                  onClick={() => setRenaming({ id: conversation.id, title: conversation.title })}
                >
                  {t('common.rename')}
                </button>
                <button
                  type="button"
                  className="ghost"
                  onClick={async () => {
                    await callBackground('conversations.delete', { id: conversation.id });
                    if (conversation.id === currentId) onOpen(null);
                  }}
                >
                  {t('common.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
