import { PlainMarkdown } from '../../../components/chat/plain-markdown';
import type { CardTurn } from './result-card';

export interface CardConversationProps {
  readonly earlier: readonly CardTurn[];
  /** The follow-up the answer below replies to, if any. */
  readonly question: string | null;
}

/** The card's earlier answers and the follow-up questions between them, above the latest answer. */
export function CardConversation({ earlier, question }: CardConversationProps) {
  return (
    <>
      {earlier.map((turn, index) => (
        // Turns are only ever appended, so their position is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={index} className="turn" data-testid="aside-card-turn">
          {turn.question ? <p className="question">{turn.question}</p> : null}
          <PlainMarkdown text={turn.answer} />
        </div>
      ))}
      {question ? (
        <p className="question" data-testid="aside-card-question">
          {question}
        </p>
      ) : null}
    </>
  );
}
