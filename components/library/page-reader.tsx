import type { PageRecord } from '../../lib/db/records';
import { Markdown } from '../chat/markdown';
import { useT } from '../hooks/use-t';

/** The saved text of a page, as Aside keeps it. */
export function PageReader({ page, onClose }: { page: PageRecord; onClose: () => void }) {
  const t = useT();
  return (
    <article className="drawer page-reader" data-testid="page-reader" aria-label={page.title}>
      <div className="row">
        <h2 className="grow">{page.title}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <a href={page.url} target="_blank" rel="noopener noreferrer">
        {t('library.open')}
      </a>
      <Markdown text={page.markdown} />
    </article>
  );
}
