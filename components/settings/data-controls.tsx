import { useEffect, useState } from 'react';
import type { StoredKind } from '../../lib/data/data-summary';
import { watchStoredData } from '../../lib/data/watch-stored-data';
import { profilesItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useI18n } from '../hooks/use-t';
import { formatBytes } from '../library/format';
import { useStorageEstimate } from '../library/use-storage-estimate';

/**
 * What Aside stores, with counts, the sizes that are cheap to know exactly, and
 * the total the browser reports (deleting it all is in the danger zone).
 */
export function DataControls() {
  const { t, locale } = useI18n();
  const [stored, setStored] = useState<StoredKind[]>();
  // Counted again after changes, at most twice a second, without reading the library's records.
  useEffect(() => watchStoredData(setStored), []);
  const estimate = useStorageEstimate(stored);
  const profiles = useStorageItem(profilesItem);
  const rows: { label: string; count?: number; bytes?: number }[] = [
    ...(stored ?? []).map((kind) => ({ label: t(`data.${kind.kind}`), count: kind.count, bytes: kind.bytes })),
    { label: t('data.profiles'), count: profiles?.length ?? 0 },
    ...(estimate?.usage === undefined ? [] : [{ label: t('data.storageUsed'), bytes: estimate.usage }]),
  ];
  return (
    <div className="data-controls">
      <table data-testid="stored-data">
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.count?.toLocaleString(locale)}</td>
              <td className="muted">{row.bytes === undefined ? '' : formatBytes(row.bytes, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('data.where')}</p>
    </div>
  );
}
