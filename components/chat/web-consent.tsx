import type { ChosenEngine } from '../../lib/search/chosen-engine';
import { useT } from '../hooks/use-t';

/**
 * The one question before the first web search on an engine: it shows the
 * host the question will go to. Asked here, in Aside's panel, never in a page.
 */
export function WebConsent({
  engine,
  onAllow,
  onDeny,
}: {
  engine: ChosenEngine;
  onAllow: () => void;
  onDeny: () => void;
}) {
  const t = useT();
  const host = new URL(engine.origin).host;
  return (
    <div className="consent-card card" role="dialog" aria-labelledby="web-consent-title" data-testid="web-consent">
      <strong id="web-consent-title">{t('web.consent.title', { engine: engine.name })}</strong>
      <p>{t('web.consent.body', { host })}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onAllow}>
          {t('web.consent.allow')}
        </button>
        <button type="button" onClick={onDeny}>
          {t('web.consent.deny')}
        </button>
      </div>
    </div>
  );
}
