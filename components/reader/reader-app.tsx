import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { db } from '../../lib/db/database';
import { isFileRecordUrl } from '../../lib/files/file-record-url';
import { findPassage } from '../../lib/library/find-passage';
import { readReaderHash } from '../../lib/library/reader-link';
import { openLinks } from '../chat/link-policy';
import { Markdown } from '../chat/markdown';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';
import './reader.css';

/**
 * The reader view (reader.html#id=…&passage=…): a saved item's text as Aside
 * keeps it, with the cited passage highlighted and scrolled into view. Where
 * citations of local files lead, since they have no address of their own.
 */
export function ReaderApp() {
  const t = useT();
  const { id, passage } = readReaderHash(location.hash);
  const page = useLiveQuery(async () => (id ? ((await db().pages.get(id)) ?? null) : null), [id]);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (page) document.title = page.title;
    if (!page || !passage || !body.current) return;
    const block = findPassage(body.current, passage);
    if (!block) return;
    block.classList.add('cited');
    block.setAttribute('data-testid', 'cited-passage');
    block.setAttribute('aria-label', t('reader.cited'));
    block.scrollIntoView({ block: 'center' });
  }, [page, passage, t]);

  if (page === undefined) return null;
  if (page === null) return <p className="reader muted">{t('reader.notFound')}</p>;
  // A text that opens with its own heading (a Word file's title, a Markdown file's `#`) is headed by it: the
  // saved title (for a file, its name) then goes in the small source line above, not in a second heading.
  const ownHeading = /^\s*#{1,6}\s/.test(page.markdown);
  const source = isFileRecordUrl(page.url) ? (
    <span className="muted">{t('files.localFile')}</span>
  ) : (
    <ExternalLink href={page.url}>{t('library.open')}</ExternalLink>
  );
  return (
    <article className="reader" data-testid="reader" lang={page.lang ?? undefined}>
      {ownHeading ? null : <h1>{page.title}</h1>}
      <p className="reader-source" data-testid="reader-source">
        {ownHeading ? <span className="muted">{page.title} · </span> : null}
        {source}
      </p>
      <div ref={body}>
        <Markdown text={page.markdown} links={openLinks} />
      </div>
    </article>
  );
}
