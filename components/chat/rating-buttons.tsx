import type { MessageRecord } from '../../lib/db/records';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';

/** 👍/👎 on an answer: the ratings pick examples for fine-tuning data (options page → Your data). */
export function RatingButtons({ message }: { message: MessageRecord }) {
  const t = useT();
  const rate = (rating: 'up' | 'down') => () =>
    void callBackground('messages.rate', { id: message.id, rating: message.rating === rating ? null : rating });
  const labels = { up: t('chat.rateUp'), down: t('chat.rateDown') } as const;
  return (['up', 'down'] as const).map((rating) => (
    <button
      key={rating}
      type="button"
      className="ghost"
      aria-pressed={message.rating === rating}
      aria-label={labels[rating]}
      title={labels[rating]}
      onClick={rate(rating)}
    >
      {rating === 'up' ? '👍' : '👎'}
    </button>
  ));
}
