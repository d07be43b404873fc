import type { RerankCost } from '../../lib/rag/rerank-hits';
import { useI18n } from '../hooks/use-t';

/**
 * Under a library answer: who reranked its excerpts (a `/rerank` server, or a
 * cross-encoder in the browser), in how long, and the tokens when the server said.
 */
export function RerankNote({ cost }: { cost: RerankCost }) {
  const { t, locale } = useI18n();
  const ms = cost.ms.toLocaleString(locale);
  const text =
    cost.model !== undefined
      ? cost.failed
        ? t('rerank.failedBrowserNote', { model: cost.model })
        : t('rerank.costBrowser', { model: cost.model, ms })
      : cost.failed
        ? t('rerank.failedNote')
        : cost.tokens === undefined
          ? t('rerank.cost', { host: cost.host, ms })
          : t('rerank.costTokens', { host: cost.host, ms, tokens: cost.tokens.toLocaleString(locale) });
  return (
    <div className="muted note" data-testid="rerank-cost" data-failed={cost.failed ? 'true' : 'false'}>
      {text}
    </div>
  );
}
