import { useEffect, useRef } from 'react';
import { CopyButton } from '../../../components/chat/copy-button';
import { PlainMarkdown } from '../../../components/chat/plain-markdown';
import { RatingToggle } from '../../../components/chat/rating-buttons';
import { useT } from '../../../components/hooks/use-t';
import { ErrorMessage } from '../../../components/ui/error-message';
import { maxCardExchanges } from '../../actions/action-stream-protocol';
import type { SerializedError } from '../../messaging/errors';
import { CardConversation } from './card-conversation';
import { FollowUpForm } from './follow-up-form';
import { trusted } from './trusted';

/** A link waiting for the user's yes: the URL to fetch, its token, and the link that redirected here. */
export interface CardConsent {
  readonly url: string;
  readonly linkToken: string;
  readonly redirectedFrom?: string | undefined;
}

/** An earlier exchange of the card's conversation: the follow-up asked (null for the action itself) and its answer. */
export interface CardTurn {
  readonly question: string | null;
  readonly answer: string;
}

export interface CardState {
  readonly title: string;
  /** The answer being shown (the latest exchange's). */
  readonly text: string;
  /** Earlier exchanges, shown above the latest one. */
  readonly earlier: readonly CardTurn[];
  /** The follow-up question the latest answer replies to; null for the action's own answer. */
  readonly question: string | null;
  /** `consent-elsewhere`: the user chose "Always", which Aside's options page asks for; Retry continues. */
  readonly status: 'input' | 'streaming' | 'done' | 'stopped' | 'error' | 'consent' | 'consent-elsewhere';
  readonly error?: SerializedError;
  readonly consent?: CardConsent;
  /** The selection is in an editable field: Replace and Insert below are offered. */
  readonly editable: boolean;
  /** The user's 👍/👎 on the answer (fine-tuning data). */
  readonly rating?: 'up' | 'down' | undefined;
}

export interface CardProps {
  readonly state: CardState;
  readonly top: number;
  readonly left: number;
  onClose(): void;
  onRetry(): void;
  onContinue(): void;
  onWrite(mode: 'replace' | 'insert-below'): void;
  onAllowOnce(linkToken: string): void;
  onAllowAlways(linkToken: string): void;
  onInput(text: string): void;
  onRate(rating: 'up' | 'down' | null): void;
  onFollowUp(question: string): void;
}

/**
 * The floating answer card: streams the answer, then offers what to do with
 * it. Every button acts only on trusted input (see trusted.ts); consent to
 * read a link is given here once at most — "always" is granted only in
 * Aside's own options page.
 */
export function ResultCard({
  state,
  top,
  left,
  onClose,
  onRetry,
  onContinue,
  onWrite,
  onAllowOnce,
  onAllowAlways,
  onInput,
  onRate,
  onFollowUp,
}: CardProps) {
  const t = useT();
  const consent = state.status === 'consent' || state.status === 'consent-elsewhere' ? state.consent : undefined;
  const finished = !['streaming', 'consent', 'input'].includes(state.status);
  return (
    <section
      className="card"
      role="dialog"
      aria-label={state.title}
      data-testid="aside-card"
      data-status={state.status}
      style={{ top, left }}
    >
      <header>
        <span className="title">{state.title}</span>
        <button type="button" aria-label={t('embedded.close')} title={t('embedded.close')} onClick={trusted(onClose)}>
          ✕
        </button>
      </header>
      <div className="body" data-testid="aside-card-body" aria-live="polite">
        {state.status === 'input' ? (
          <InputForm onInput={onInput} />
        ) : consent ? (
          <div>
            {consent.redirectedFrom ? (
              <p data-testid="aside-consent-redirect">
                {t('embedded.consentRedirect', { from: consent.redirectedFrom })}
              </p>
            ) : null}
            <p>{t('embedded.consentBody')}</p>
            <div className="url" data-testid="aside-consent-url">
              {consent.url}
            </div>
            {state.status === 'consent-elsewhere' ? <p className="status">{t('embedded.consentInOptions')}</p> : null}
          </div>
        ) : (
          <>
            <CardConversation earlier={state.earlier} question={state.question} />
            {state.text ? <PlainMarkdown text={state.text} /> : null}
            {state.status === 'streaming' && !state.text ? (
              <span className="status">{t('embedded.thinking')}</span>
            ) : null}
            {state.status === 'stopped' ? <span className="status">{t('embedded.stopped')}</span> : null}
            {state.error ? (
              <div className="error">
                <ErrorMessage error={state.error} />
              </div>
            ) : null}
          </>
        )}
      </div>
      <footer>
        {state.status === 'consent' && consent ? (
          <>
            <button type="button" onClick={trusted(() => onAllowOnce(consent.linkToken))}>
              {t('embedded.allowOnce')}
            </button>
            <button type="button" onClick={trusted(() => onAllowAlways(consent.linkToken))}>
              {t('embedded.allowAlways')}
            </button>
            <button type="button" onClick={trusted(onClose)}>
              {t('embedded.cancel')}
            </button>
          </>
        ) : null}
        {finished && state.text && state.editable ? (
          // In a text field the answer is usually meant to go back into it: Replace leads.
          <>
            <button type="button" className="primary" onClick={trusted(() => onWrite('replace'))}>
              {t('embedded.replace')}
            </button>
            <button type="button" onClick={trusted(() => onWrite('insert-below'))}>
              {t('embedded.insertBelow')}
            </button>
          </>
        ) : null}
        {finished && state.text ? <CopyButton text={state.text} /> : null}
        {state.status === 'done' && state.text ? <RatingToggle rating={state.rating} onRate={onRate} /> : null}
        {finished ? (
          <button type="button" onClick={trusted(onRetry)}>
            {t('embedded.retry')}
          </button>
        ) : null}
        {finished && state.text ? (
          <button type="button" onClick={trusted(onContinue)}>
            {t('embedded.continue')}
          </button>
        ) : null}
      </footer>
      {state.status === 'done' && state.text && state.earlier.length + 1 < maxCardExchanges ? (
        <FollowUpForm onAsk={onFollowUp} />
      ) : null}
    </section>
  );
}

/** The `{{input}}` prompt: focused at once, since the user just asked to type. */
function InputForm({ onInput }: { onInput(text: string): void }) {
  const t = useT();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      className="input"
      onSubmit={(event) => {
        event.preventDefault();
        const value = field.current?.value ?? '';
        if (value.trim()) onInput(value);
      }}
    >
      <input ref={field} name="input" aria-label={t('embedded.input')} placeholder={t('embedded.input')} />
      <button type="submit">{t('embedded.run')}</button>
    </form>
  );
}
