import { useEffect, useState } from 'react';
import { AsideError, type SerializedError } from '../../lib/messaging/errors';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';

const hashKey = 'link-grant=';

/** The token of a pending "Always for this site…" from the in-page card, if this page was opened for one. */
function pendingToken(): string | null {
  const hash = location.hash.slice(1);
  return hash.startsWith(hashKey) ? hash.slice(hashKey.length) : null;
}

/**
 * "Always for this site…" from the in-page card lands here: the grant to read
 * a site's links without asking is made only by the user's click in Aside's
 * own page, never by anything a page (or its content script) can send.
 */
export function LinkGrantPrompt() {
  const t = useT();
  const [token] = useState(pendingToken);
  const [pending, setPending] = useState<{ url: string; site: string } | null>(null);
  const [state, setState] = useState<'asking' | 'allowed' | 'dismissed'>('asking');
  const [error, setError] = useState<SerializedError | null>(null);
  useEffect(() => {
    if (token)
      void callBackground('consent.pendingLinkGrant', { linkToken: token }).then(setPending, () => setPending(null));
  }, [token]);
  if (!token || !pending || state === 'dismissed') return null;
  const close = () => {
    history.replaceState(null, '', location.pathname);
    setState('dismissed');
  };
  return (
    <section className="card link-grant" role="alertdialog" aria-labelledby="link-grant-title" data-testid="link-grant">
      <h2 id="link-grant-title">{t('linkGrant.title', { site: pending.site })}</h2>
      {state === 'allowed' ? (
        <p role="status">{t('linkGrant.allowed', { site: pending.site })}</p>
      ) : (
        <>
          <p>{t('linkGrant.body')}</p>
          <p className="muted">{pending.url}</p>
          {error ? <ErrorMessage error={error} /> : null}
          <div className="row">
            <button
              type="button"
              onClick={() =>
                void callBackground('consent.grantLinkSite', { linkToken: token }).then(
                  () => setState('allowed'),
                  (thrown: unknown) => setError(AsideError.from(thrown).toJSON()),
                )
              }
            >
              {t('linkGrant.allow')}
            </button>
            <button type="button" className="ghost" onClick={close}>
              {t('embedded.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
