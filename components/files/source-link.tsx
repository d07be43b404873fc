import type { ReactNode } from 'react';
import { isFileRecordUrl } from '../../lib/files/file-record-url';
import { type Source, sourceUrl } from '../../lib/rag/citations';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';
import { ReaderLink } from './reader-link';

/**
 * Where a citation leads: a saved local file has no address, so it opens in
 * Aside's reader at the passage; a web page or a PDF opens its original
 * (scrolled to the passage, or at its page).
 */
export function SourceLink({
  source,
  children,
  className,
  label,
}: {
  source: Source;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  if (isFileRecordUrl(source.url)) {
    return (
      <ReaderLink pageId={source.pageId} passage={source.passage} className={className} label={label}>
        {children}
      </ReaderLink>
    );
  }
  return (
    <ExternalLink href={sourceUrl(source)} className={className} label={label}>
      {children}
    </ExternalLink>
  );
}

/**
 * For a cited PDF page, which opens in the browser's viewer at its page: a
 * second link to the passage in Aside's reader view, highlighted, since the
 * viewer cannot show where on the page it is.
 */
export function SavedTextLink({ source }: { source: Source }) {
  const t = useT();
  if (source.page === undefined || isFileRecordUrl(source.url)) return null;
  return (
    <>
      {' · '}
      <ReaderLink pageId={source.pageId} passage={source.passage} className="muted">
        {t('files.openReader')}
      </ReaderLink>
    </>
  );
}
