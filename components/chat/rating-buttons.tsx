import type { MessageRecord } from '../../lib/db/records';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';

/** 👍/👎 on an answer: the ratings pick examples for fine-tuning data (options page → Your data). */
export function RatingButtons({ message }: { message: MessageRecord }) {
  const t = useT();
  const rate = (rating: 'up' | 'down') => () =>
    void callBackground('messages.rate', { id: message.id, rating: message.rating === rating ? null : rating });
  return (
    <>
      <button
        type="button"
        className="ghost"
        aria-pressed={message.rating === 'up'}
        aria-label={t('chat.rateUp')}
        title={t('chat.rateUp')}
        onClick={rate('up')}
      >
        👍
      </button>
      <button
        type="button"
        className="ghost"
        aria-pressed={message.rating === 'down'}
        aria-label={t('chat.rateDown')}
        title={t('chat.rateDown')}
        onClick={rate('down')}
      >
        👎
      </button>
    </>
  );
}
