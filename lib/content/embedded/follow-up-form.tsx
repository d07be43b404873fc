import { useRef } from 'react';
import { useT } from '../../../components/hooks/use-t';

/**
 * The card's follow-up box: a question about the same selection, answered in
 * the same card with the conversation so far. Enter sends. Only a real key
 * press or click submits (a page script cannot reach a closed shadow root).
 */
export function FollowUpForm({ onAsk }: { onAsk(question: string): void }) {
  const t = useT();
  const field = useRef<HTMLInputElement>(null);
  return (
    <form
      className="input follow-up"
      onSubmit={(event) => {
        event.preventDefault();
        if (!event.nativeEvent.isTrusted) return;
        const question = field.current?.value.trim() ?? '';
        if (question) onAsk(question);
      }}
    >
      <input
        ref={field}
        name="follow-up"
        aria-label={t('embedded.followUp')}
        placeholder={t('embedded.followUp')}
        maxLength={20_000}
      />
      <button type="submit">{t('embedded.ask')}</button>
    </form>
  );
}
