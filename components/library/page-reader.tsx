import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../lib/db/database';
import type { PageRecord } from '../../lib/db/records';
import { isFileRecordUrl } from '../../lib/files/file-record-url';
import { openLinks } from '../chat/link-policy';
import { Markdown } from '../chat/markdown';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';

/** The saved text of a page, as Aside keeps it, with the passages the user clipped from it. */
export function PageReader({ page, onClose }: { page: PageRecord; onClose: () => void }) {
  const t = useT();
  const clips = useLiveQuery(() => db().clips.where('pageUrl').equals(page.url).sortBy('savedAt'), [page.url]) ?? [];
  return (
    <article className="drawer page-reader" data-testid="page-reader" aria-label={page.title}>
      <div className="row">
        <h2 className="grow">{page.title}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {isFileRecordUrl(page.url) ? null : <ExternalLink href={page.url}>{t('library.open')}</ExternalLink>}
      {clips.length > 0 ? (
        <section className="clips" data-testid="clips">
          <h3>{t('library.clips')}</h3>
          {clips.map((clip) => (
            <blockquote key={clip.id} className="clip">
              {clip.headingPath.length > 0 ? (
                <div className="muted clip-path">{clip.headingPath.join(' › ')}</div>
              ) : null}
              <div>{clip.text}</div>
            </blockquote>
          ))}
        </section>
      ) : null}
      <Markdown text={page.markdown} links={openLinks} />
    </article>
  );
}
