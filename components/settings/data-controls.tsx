import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { summarizeStoredData } from '../../lib/data/data-summary';
import { callBackground } from '../../lib/messaging/requests';
import { profilesItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useI18n } from '../hooks/use-t';
import { formatBytes } from '../library/format';
import { ErrorMessage } from '../ui/error-message';
import { FineTuneExport } from './fine-tune-export';
import { useAction } from './use-action';

/** What Aside stores, with counts and sizes, and the button that deletes all of it. */
export function DataControls() {
  const { t, locale } = useI18n();
  const stored = useLiveQuery(summarizeStoredData, []);
  const profiles = useStorageItem(profilesItem);
  const [confirming, setConfirming] = useState(false);
  const wipe = useAction(() => callBackground('data.deleteEverything', { confirm: true }));
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
      <FineTuneExport />
      {confirming ? (
        <div className="row notice" role="alertdialog" aria-label={t('data.confirm')}>
          <span className="grow">{t('data.confirm')}</span>
          <button
            type="button"
            className="danger"
            disabled={wipe.state.status === 'running'}
            onClick={async () => {
              await wipe.run();
              setConfirming(false);
              // The page's own database connection was closed by the deletion; start afresh.
              location.reload();
            }}
          >
            {t('data.deleteEverythingNow')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('data.deleteEverything')}
        </button>
      )}
      {wipe.state.status === 'failed' ? <ErrorMessage error={wipe.state.error} /> : null}
    </div>
  );
}
