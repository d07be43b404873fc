import type { LibraryFilter } from '../../lib/library/filter-pages';
import { useT } from '../hooks/use-t';

const ages = [0, 1, 7, 30, 365] as const;

/** Site, age and tag filters, offering the sites and tags the library holds (see libraryFacets). */
export function LibraryFilters({
  sites,
  tags,
  filter,
  onChange,
}: {
  sites: readonly string[];
  tags: readonly string[];
  filter: LibraryFilter;
  onChange: (filter: LibraryFilter) => void;
}) {
  const t = useT();
  return (
    <div className="row library-filters">
      <select
        aria-label={t('library.filterSite')}
        value={filter.site}
        onChange={(e) => onChange({ ...filter, site: e.target.value })}
      >
        <option value="">{t('library.allSites')}</option>
        {sites.map((site) => (
          <option key={site} value={site}>
            {site}
          </option>
        ))}
      </select>
      <select
        aria-label={t('library.filterDate')}
        value={filter.days}
        onChange={(e) => onChange({ ...filter, days: Number(e.target.value) })}
      >
        {ages.map((days) => (
          <option key={days} value={days}>
            {days === 0 ? t('library.anyDate') : t('library.lastDays', { days })}
          </option>
        ))}
      </select>
      <select
        aria-label={t('library.filterTag')}
        value={filter.tag}
        onChange={(e) => onChange({ ...filter, tag: e.target.value })}
      >
        <option value="">{t('library.allTags')}</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
    </div>
  );
}
