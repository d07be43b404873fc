import { useState } from 'react';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { useAction } from './use-action';

/** "Delete everything", apart from everything else and marked as dangerous, with a confirmation step. */
export function DangerZone() {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const wipe = useAction(() => callBackground('data.deleteEverything', { confirm: true }));
  return (
    <section className="card danger-zone" aria-labelledby="danger-zone-title" data-testid="danger-zone">
      <h3 id="danger-zone-title">{t('data.dangerZone')}</h3>
      <p className="muted">{t('data.dangerHint')}</p>
      {confirming ? (
        <div className="row notice danger-confirm" role="alertdialog" aria-label={t('data.confirm')}>
          <span className="grow">{t('data.confirm')}</span>
          <button
            type="button"
            className="danger-solid"
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
    </section>
  );
}
