import { useLiveQuery } from 'dexie-react-hooks';
import { summarizeStoredData } from '../../lib/data/data-summary';
import { profilesItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useI18n } from '../hooks/use-t';
import { formatBytes } from '../library/format';

/** What Aside stores, with counts and sizes (deleting it all is in the danger zone). */
export function DataControls() {
  const { t, locale } = useI18n();
  const stored = useLiveQuery(summarizeStoredData, []);
  const profiles = useStorageItem(profilesItem);
  const rows = [
    ...(stored ?? []).map((kind) => ({ label: t(`data.${kind.kind}`), count: kind.count, bytes: kind.bytes })),
    { label: t('data.profiles'), count: profiles?.length ?? 0, bytes: undefined },
  ];
  return (
    <div className="data-controls">
      <table data-testid="stored-data">
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.count.toLocaleString(locale)}</td>
              <td className="muted">{row.bytes === undefined ? '' : formatBytes(row.bytes, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('data.where')}</p>
    </div>
  );
}
