import { useState } from 'react';
import type { PageRecord } from '../../lib/db/records';
import { parseTags } from '../../lib/library/filter-pages';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';

/** A page's tags, and a field to change them (comma or space separated). */
export function TagEditor({ page }: { page: PageRecord }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <span className="tags">
        {page.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
        <button type="button" className="ghost tag-edit" onClick={() => setDraft(page.tags.join(', '))}>
          {t('library.editTags')}
        </button>
      </span>
    );
  }
  return (
    <form
      className="row tag-form"
      onSubmit={async (event) => {
        event.preventDefault();
        await callBackground('library.setTags', { id: page.id, tags: parseTags(draft) });
        setDraft(null);
      }}
    >
      <input aria-label={t('library.tags')} value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}
