import { useEffect, useState } from 'react';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { type LocalServer, LocalServerOffer } from './local-server-offer';
import { PresetPicker } from './preset-picker';
import { updateGeneralSettings } from './update-general-settings';

/**
 * First-run welcome. Looks for Ollama and LM Studio so a local-model user
 * types nothing; otherwise offers the presets, each with its key page.
 */
export function Onboarding({ onPickPreset }: { onPickPreset: (presetId: string) => void }) {
  const t = useT();
  const [attempt, setAttempt] = useState(0);
  const [found, setFound] = useState<readonly LocalServer[] | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger: "Look again" bumps it to detect anew
  useEffect(() => {
    let alive = true;
    setFound(undefined);
    callBackground('provider.detectLocal', {})
      .then((reply) => reply.found)
      // Detection is a convenience: if it fails, the preset list is the way on.
      .catch((): LocalServer[] => [])
      .then((servers) => {
        if (alive) setFound(servers);
      });
    return () => {
      alive = false;
    };
  }, [attempt]);

  return (
    <section className="card onboarding" aria-labelledby="onboarding-title" data-testid="onboarding">
      <h3 id="onboarding-title">{t('onboarding.title')}</h3>
      <p>{t('onboarding.intro')}</p>
      {found === undefined ? (
        <p className="muted" role="status">
          {t('onboarding.detecting')}
        </p>
      ) : (
        <>
          {found.length > 0 ? (
            <ul className="local-servers">
              {found.map((server) => (
                <LocalServerOffer key={server.presetId} server={server} />
              ))}
            </ul>
          ) : null}
          <p>{found.length > 0 ? t('onboarding.orPick') : t('onboarding.noneFound')}</p>
          <PresetPicker onPick={onPickPreset} />
        </>
      )}
      <div className="row form-actions">
        <button type="button" disabled={found === undefined} onClick={() => setAttempt((n) => n + 1)}>
          {t('onboarding.detectAgain')}
        </button>
        <button type="button" className="ghost" onClick={() => void updateGeneralSettings({ onboarded: true })}>
          {t('onboarding.skip')}
        </button>
      </div>
    </section>
  );
}
