import { useState } from 'react';
import type { MessageRecord } from '../../lib/db/records';
import { AsideError } from '../../lib/messaging/errors';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { AnswerEditor } from './answer-editor';
import { CopyButton } from './copy-button';
import { inertLinks, linkPolicyFor } from './link-policy';
import { Markdown, type VideoTarget } from './markdown';
import { OpenSettingsFix } from './open-settings';
import { QueryRewrites } from './query-rewrites';
import { RatingButtons } from './rating-buttons';
import { RerankNote } from './rerank-note';
import { RetryNotice } from './retry-notice';
import { SkippedPages } from './skipped-pages';
import { SourcesList } from './sources-list';
import { ThinkingBlock } from './thinking-block';
import type { LiveTurn } from './use-chat';
import { VersionSwitcher } from './version-switcher';
import { WebProgress } from './web-progress';

const interruptedError = new AsideError('stream-broken', 'The answer was interrupted.').toJSON();

/** An answer: thinking, Markdown, its state (streaming, stopped, failed with retry), rating, rewrite and versions. */
export function AssistantMessage({
  message,
  live,
  isLast,
  busy,
  onRegenerate,
  video,
}: {
  message: MessageRecord;
  /** The video the question was about, when it was (its times become links). */
  video?: VideoTarget | undefined;
  /** Set while this message is the one streaming. */
  live: LiveTurn | null;
  isLast: boolean;
  busy: boolean;
  onRegenerate: () => void;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const streaming = live?.running ?? false;
  // The user's rewrite is the answer shown (and sent on); the model's text stays stored beside it.
  // Once stored complete, the record (which may be rewritten or switched to another version) wins over the stream.
  const fromLive = live !== null && (streaming || message.status !== 'complete');
  const content = fromLive ? live.content : (message.edited ?? message.content);
  const reasoning = fromLive ? live.reasoning : (message.reasoning ?? '');
  // Stored as streaming but nobody is streaming it: the service worker stopped mid-answer.
  const interrupted = !streaming && message.status === 'streaming' && (!live || live.lost === true);
  const status = streaming ? 'streaming' : interrupted ? 'error' : message.status;
  const error = interrupted ? interruptedError : message.error;
  const sources = fromLive ? (live.sources ?? message.sources) : message.sources;
  // Nothing from an answer is clickable while it streams; then its links as the background checked them.
  const links = streaming ? inertLinks : linkPolicyFor(message.linkCheck, message.status !== 'streaming');
  const notFound = !streaming && sources?.length === 0 && message.status === 'complete';
  const skipped = fromLive ? (live.skipped ?? message.skipped) : message.skipped;
  const rewrites = fromLive ? (live.rewrites ?? message.rewrites) : message.rewrites;
  const retryReason = live?.retry?.error?.code.startsWith('search-') ? live.retry.error : undefined;
  return (
    <div className="message assistant" data-testid="assistant-message" data-status={status}>
      {reasoning ? <ThinkingBlock text={reasoning} active={streaming && !content} /> : null}
      {editing ? (
        <AnswerEditor
          text={content}
          edited={message.edited !== undefined}
          onSave={(text) => void callBackground('messages.edit', { id: message.id, text })}
          onClose={() => setEditing(false)}
        />
      ) : content ? (
        <Markdown text={content} sources={sources} links={links} video={video} />
      ) : streaming && live?.web && !live.retry ? (
        <WebProgress web={live.web} />
      ) : streaming && live?.library && !live.retry ? (
        <div className="notice" role="status" data-testid="library-progress" data-stage={live.library.stage}>
          {t('rag.opening')}
        </div>
      ) : streaming && !live?.retry ? (
        <div className="typing">…</div>
      ) : null}
      {notFound && message.webEngine ? (
        <div className="note" data-testid="no-web-results">
          {t('web.noResults')}
        </div>
      ) : notFound ? (
        <div className="note" data-testid="not-in-library">
          {t('rag.notFound')}
        </div>
      ) : null}
      {sources && sources.length > 0 && content ? <SourcesList sources={sources} /> : null}
      {message.rerank && content && !streaming ? <RerankNote cost={message.rerank} /> : null}
      {rewrites && (content || !streaming) ? <QueryRewrites rewrites={rewrites} /> : null}
      {skipped && skipped.length > 0 && (content || !streaming) ? <SkippedPages skipped={skipped} /> : null}
      {retryReason ? (
        <div className="notice" data-testid="retry-reason">
          {t(`error.${retryReason.code}`, retryReason.params)}
        </div>
      ) : null}
      {live?.retry ? <RetryNotice {...live.retry} /> : null}
      {!streaming && message.status === 'stopped' ? <div className="muted note">{t('chat.stopped')}</div> : null}
      {status === 'error' && error ? (
        <ErrorMessage error={error}>
          {content ? <div className="note">{t('chat.partial')}</div> : null}
          <div className="row error-fixes">
            {isLast ? (
              <button type="button" className="retry" onClick={onRegenerate} disabled={busy}>
                {t('common.retry')}
              </button>
            ) : null}
            <OpenSettingsFix error={error} />
          </div>
        </ErrorMessage>
      ) : null}
      {!fromLive && message.edited !== undefined && !editing ? (
        <div className="muted note" data-testid="answer-edited">
          {t('feedback.edited')}
        </div>
      ) : null}
      {status !== 'streaming' && !editing ? (
        <div className="row actions">
          {fromLive ? null : <VersionSwitcher message={message} busy={busy} />}
          {content ? <CopyButton text={content} /> : null}
          {content && status === 'complete' ? <RatingButtons message={message} /> : null}
          {content && status === 'complete' && !fromLive ? (
            <button type="button" className="ghost" onClick={() => setEditing(true)}>
              {t('feedback.edit')}
            </button>
          ) : null}
          {/* Asking the same question again cannot find what the library or the web does not have. */}
          {isLast && status !== 'error' && !notFound ? (
            <button type="button" className="ghost" onClick={onRegenerate} disabled={busy}>
              {t('chat.regenerate')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
