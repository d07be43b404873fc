import type { MessageRecord } from '../../lib/db/records';
import { AsideError } from '../../lib/messaging/errors';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { CopyButton } from './copy-button';
import { Markdown } from './markdown';
import { RatingButtons } from './rating-buttons';
import { RetryNotice } from './retry-notice';
import { SourcesList } from './sources-list';
import { ThinkingBlock } from './thinking-block';
import type { LiveTurn } from './use-chat';

const interruptedError = new AsideError('stream-broken', 'The answer was interrupted.').toJSON();

/** An answer: thinking, Markdown, and its state (streaming, stopped, failed with retry). */
export function AssistantMessage({
  message,
  live,
  isLast,
  busy,
  onRegenerate,
}: {
  message: MessageRecord;
  /** Set while this message is the one streaming. */
  live: LiveTurn | null;
  isLast: boolean;
  busy: boolean;
  onRegenerate: () => void;
}) {
  const t = useT();
  const streaming = live?.running ?? false;
  const content = live ? live.content : message.content;
  const reasoning = live ? live.reasoning : (message.reasoning ?? '');
  // Stored as streaming but nobody is streaming it: the service worker stopped mid-answer.
  const interrupted = !streaming && message.status === 'streaming' && (!live || live.lost === true);
  const status = streaming ? 'streaming' : interrupted ? 'error' : message.status;
  const error = interrupted ? interruptedError : message.error;
  const sources = live?.sources ?? message.sources;
  const notInLibrary = !streaming && sources?.length === 0 && message.status === 'complete';
  return (
    <div className="message assistant" data-testid="assistant-message" data-status={status}>
      {reasoning ? <ThinkingBlock text={reasoning} active={streaming && !content} /> : null}
      {content ? (
        <Markdown text={content} sources={sources} />
      ) : streaming && !live?.retry ? (
        <div className="typing">…</div>
      ) : null}
      {notInLibrary ? (
        <div className="note" data-testid="not-in-library">
          {t('rag.notFound')}
        </div>
      ) : null}
      {sources && sources.length > 0 && content ? <SourcesList sources={sources} /> : null}
      {live?.retry ? <RetryNotice {...live.retry} /> : null}
      {!streaming && message.status === 'stopped' ? <div className="muted note">{t('chat.stopped')}</div> : null}
      {status === 'error' && error ? (
        <ErrorMessage error={error}>
          {content ? <div className="note">{t('chat.partial')}</div> : null}
          {isLast ? (
            <button type="button" className="retry" onClick={onRegenerate} disabled={busy}>
              {t('common.retry')}
            </button>
          ) : null}
        </ErrorMessage>
      ) : null}
      {status !== 'streaming' ? (
        <div className="row actions">
          {content ? <CopyButton text={content} /> : null}
          {content && status === 'complete' ? <RatingButtons message={message} /> : null}
          {isLast && status !== 'error' ? (
            <button type="button" className="ghost" onClick={onRegenerate} disabled={busy}>
              {t('chat.regenerate')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
