import type { MessageRecord } from '../../lib/db/records';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { Icon } from '../ui/icon';

export type Rating = 'up' | 'down';

/** 👍/👎 toggles for any answer: clicking the pressed one clears it (null). */
export function RatingToggle({ rating, onRate }: { rating: Rating | undefined; onRate(rating: Rating | null): void }) {
  const t = useT();
  const labels = { up: t('chat.rateUp'), down: t('chat.rateDown') } as const;
  return (['up', 'down'] as const).map((choice) => (
    <button
      key={choice}
      type="button"
      className="ghost"
      aria-pressed={rating === choice}
      aria-label={labels[choice]}
      title={labels[choice]}
      onClick={() => onRate(rating === choice ? null : choice)}
    >
      <Icon name={choice === 'up' ? 'thumbUp' : 'thumbDown'} />
    </button>
  ));
}

/** 👍/👎 on a chat answer: the ratings pick examples for fine-tuning data (options page → Your data). */
export function RatingButtons({ message }: { message: MessageRecord }) {
  return (
    <RatingToggle
      rating={message.rating}
      onRate={(rating) => void callBackground('messages.rate', { id: message.id, rating })}
    />
  );
}
