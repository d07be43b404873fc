import { useState } from 'react';
import type { MessageRecord } from '../../lib/db/records';
import { MessageFiles } from '../files/message-files';
import { useT } from '../hooks/use-t';
import { CopyButton } from './copy-button';
import { ImageThumbs } from './image-thumbs';

/** A question, with its page context and edit-and-resend. */
export function UserMessage({
  message,
  busy,
  onEdit,
}: {
  message: MessageRecord;
  busy: boolean;
  onEdit: (text: string) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    return (
      <div className="message user editing">
        <textarea
          aria-label={t('common.edit')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          rows={3}
        />
        <div className="row actions">
          <button
            type="button"
            className="primary"
            disabled={!draft.trim() || busy}
            onClick={() => {
              onEdit(draft.trim());
              setDraft(null);
            }}
          >
            {t('chat.editResend')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="message user" data-testid="user-message">
      {message.context ? (
        <div className="message-context muted" title={message.context.url}>
          {message.context.title}
        </div>
      ) : null}
      <ImageThumbs images={message.images} />
      <MessageFiles files={message.files} />
      <div className="user-text">{message.content}</div>
      <div className="row actions">
        <CopyButton text={message.content} />
        <button type="button" className="ghost" disabled={busy} onClick={() => setDraft(message.content)}>
          {t('common.edit')}
        </button>
      </div>
    </div>
  );
}
