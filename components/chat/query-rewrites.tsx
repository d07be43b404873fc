import type { MessageRecord } from '../../lib/db/records';
import { useT } from '../hooks/use-t';

/** Under a library answer: the RAG-Fusion rewrites the library was also searched with, and what they cost. */
export function QueryRewrites({ rewrites }: { rewrites: NonNullable<MessageRecord['rewrites']> }) {
  const t = useT();
  const tokens = rewrites.promptTokens + rewrites.completionTokens;
  return (
    <details className="sources query-rewrites" data-testid="query-rewrites">
      <summary>
        {t('fusion.rewrites', { count: rewrites.queries.length })}
        <span className="muted" data-testid="query-rewrites-cost" data-estimated={rewrites.estimated}>
          {' · '}
          {rewrites.estimated
            ? t('fusion.costEstimated', { tokens })
            : t('fusion.cost', { tokens, prompt: rewrites.promptTokens, completion: rewrites.completionTokens })}
        </span>
      </summary>
      <ul>
        {rewrites.queries.map((query) => (
          <li key={query} data-testid="query-rewrite">
            {query}
          </li>
        ))}
      </ul>
    </details>
  );
}
