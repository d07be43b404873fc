import type { SerializedError } from '../../lib/messaging/errors';
import { useT } from '../hooks/use-t';

/** A named error as a sentence the user can act on, with the provider's own words below it. */
export function ErrorMessage({ error, children }: { error: SerializedError; children?: React.ReactNode }) {
  const t = useT();
  return (
    <div className="error-box" role="alert" data-error-code={error.code}>
      <div>{t(`error.${error.code}`, error.params)}</div>
      {error.detail && error.detail !== error.message ? (
        <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
          {error.status ? `${error.status}: ` : ''}
          {error.detail}
        </div>
      ) : null}
      {children}
    </div>
  );
}
