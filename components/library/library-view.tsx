import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { PageRecord } from '../../lib/db/records';
import { type LibraryFilter, noFilter } from '../../lib/library/filter-pages';
import type { DeletedPages } from '../../lib/library/library-store';
import { libraryFacets, listPages } from '../../lib/library/search-library';
import { callBackground } from '../../lib/messaging/requests';
import { LibraryFileUpload } from '../files/library-file-upload';
import type { ActiveTab } from '../hooks/use-active-tab';
import { useI18n } from '../hooks/use-t';
import { useAction } from '../settings/use-action';
import { ErrorMessage } from '../ui/error-message';
import { ExportImport } from './export-import';
import { formatBytes } from './format';
import { IndexingStatus } from './indexing-status';
import { LibraryFilters } from './library-filters';
import { LibraryItem } from './library-item';
import { LoadMore } from './load-more';
import { PageReader } from './page-reader';
import { SavePageButton } from './save-page-button';
import { useStorageEstimate } from './use-storage-estimate';
import './library.css';

/** Pages the list shows at first, and adds with each Show more (or scroll to the end). */
const pageSize = 50;

/**
 * The library tab: save the current page, search, read, delete (with Undo),
 * export and import. The list is paged: its live queries read indexes and the
 * records shown, never every saved page, so a save costs the same in a large
 * library (the tab stays mounted while the chat is shown).
 */
export function LibraryView({ tab }: { tab: ActiveTab | null }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reading, setReading] = useState<PageRecord | null>(null);
  const [undo, setUndo] = useState<DeletedPages | null>(null);
  const [filter, setFilterState] = useState<LibraryFilter>(noFilter);
  const [limit, setLimit] = useState(pageSize);
  const list = useLiveQuery(() => listPages(query, filter, limit), [query, filter, limit]);
  const facets = useLiveQuery(libraryFacets, []);
  const pages = list?.pages;
  const estimate = useStorageEstimate(list?.total);
  const showMore = useCallback(() => setLimit((shown) => shown + pageSize), []);
  const search = (next: string) => {
    setQuery(next);
    setLimit(pageSize);
  };
  const setFilter = (next: LibraryFilter) => {
    setFilterState(next);
    setLimit(pageSize);
  };
  const remove = useAction(async (ids: string[]) => {
    const deleted = await callBackground('library.delete', { ids });
    setSelected(new Set());
    setUndo(deleted);
  });
  const restore = useAction(async (deleted: DeletedPages) => {
    await callBackground('library.restore', deleted);
    setUndo(null);
  });
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <div className="library-view">
      <SavePageButton tab={tab} />
      <LibraryFileUpload />
      <IndexingStatus />
      <input
        type="search"
        aria-label={t('library.search')}
        placeholder={t('library.search')}
        value={query}
        onChange={(event) => search(event.target.value)}
      />
      {facets && facets.sites.length > 0 ? (
        <LibraryFilters sites={facets.sites} tags={facets.tags} filter={filter} onChange={setFilter} />
      ) : null}
      {selected.size > 0 ? (
        <button type="button" className="danger" onClick={() => remove.run([...selected])}>
          {t('library.deleteSelected', { count: selected.size })}
        </button>
      ) : null}
      {undo ? (
        <div className="row notice" role="status" data-testid="undo-bar">
          <span className="grow">{t('library.deleted', { count: undo.pages.length })}</span>
          <button type="button" onClick={() => restore.run(undo)}>
            {t('library.undo')}
          </button>
        </div>
      ) : null}
      {remove.state.status === 'failed' ? <ErrorMessage error={remove.state.error} /> : null}
      {restore.state.status === 'failed' ? <ErrorMessage error={restore.state.error} /> : null}
      {pages && pages.length === 0 ? (
        <p className="muted">{query || filter !== noFilter ? t('library.noResults') : t('library.empty')}</p>
      ) : null}
      <ul className="library-list">
        {pages?.map((page) => (
          <LibraryItem
            key={page.id}
            page={page}
            selected={selected.has(page.id)}
            onSelect={(on) => toggle(page.id, on)}
            onView={() => setReading(page)}
            onDelete={() => remove.run([page.id])}
          />
        ))}
      </ul>
      {list ? <LoadMore shown={list.pages.length} total={list.total} onMore={showMore} /> : null}
      <ExportImport />
      {estimate?.usage !== undefined && estimate.quota !== undefined ? (
        <p className="muted storage-estimate" data-testid="storage-estimate">
          {t('library.storage', {
            used: formatBytes(estimate.usage, locale),
            quota: formatBytes(estimate.quota, locale),
          })}
        </p>
      ) : null}
      {reading ? <PageReader page={reading} onClose={() => setReading(null)} /> : null}
    </div>
  );
}
