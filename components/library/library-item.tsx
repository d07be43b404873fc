import { kindOf } from '../../lib/capture/context-kind';
import type { PageRecord } from '../../lib/db/records';
import { isFileRecordUrl } from '../../lib/files/file-record-url';
import { siteOf } from '../../lib/library/filter-pages';
import { contextKindLabel } from '../chat/context-kind-label';
import { ReaderLink } from '../files/reader-link';
import { useI18n } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';
import { faviconFor } from '../ui/favicon';
import { Icon } from '../ui/icon';
import { TagEditor } from './tag-editor';

/** Pages whose size is counted in characters (Chinese, Japanese), not words. */
const countedInCharacters = /^(zh|ja)\b/i;

/**
 * One saved page in the list: favicon, title (opens the original; two lines
 * across the row's whole width), then site, date, size and the actions.
 */
export function LibraryItem({
  page,
  selected,
  onSelect,
  onView,
  onDelete,
}: {
  page: PageRecord;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onView: () => void;
  onDelete: () => void;
}) {
  const { t, locale } = useI18n();
  const file = isFileRecordUrl(page.url);
  const site = page.siteName ?? (file ? '' : siteOf(page));
  const kind = contextKindLabel(kindOf(page), t);
  return (
    <li className="library-item" data-testid="library-item">
      <input
        type="checkbox"
        aria-label={`${t('library.select')}: ${page.title}`}
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
      />
      {file ? (
        <Icon name="document" className="library-icon" />
      ) : (
        <img className="library-icon" src={faviconFor(page.url, page.favIconUrl)} alt="" width={16} height={16} />
      )}
      <div className="grow library-item-main">
        {file ? (
          <ReaderLink pageId={page.id} className="library-title">
            {page.title}
          </ReaderLink>
        ) : (
          <ExternalLink href={page.url} className="library-title">
            {page.title}
          </ExternalLink>
        )}
        <div className="muted library-meta">
          {site ? `${site} · ` : ''}
          {new Date(page.savedAt).toLocaleDateString(locale)} ·{' '}
          {t(countedInCharacters.test(page.lang ?? '') ? 'library.chars' : 'library.words', {
            count: page.wordCount.toLocaleString(locale),
          })}
          {kind ? ` · ${kind}` : ''}
          {page.cutAtCapture ? ` · ${t('library.cut')}` : ''}
        </div>
        <div className="row library-item-foot">
          <TagEditor page={page} />
          <span className="spacer" />
          <button type="button" className="ghost" onClick={onView}>
            {t('library.view')}
          </button>
          <button type="button" className="ghost" onClick={onDelete}>
            {t('common.delete')}
          </button>
        </div>
      </div>
    </li>
  );
}
