import { useT } from '../hooks/use-t';
import type { LiveTurn } from './use-chat';

/** "Searching Brave Search…", "Reading 3 of 5 pages…", "Picking the best passages…" while a web answer is prepared. */
export function WebProgress({ web }: { web: NonNullable<LiveTurn['web']> }) {
  const t = useT();
  const text =
    web.stage === 'rewriting'
      ? t('web.rewriting')
      : web.stage === 'searching'
        ? t('web.searching', { engine: web.engine })
        : web.stage === 'reading'
          ? t('web.reading', { done: web.done ?? 0, total: web.total ?? 0 })
          : t('web.ranking');
  return (
    <div className="notice" role="status" data-testid="web-progress" data-stage={web.stage}>
      {text}
    </div>
  );
}
