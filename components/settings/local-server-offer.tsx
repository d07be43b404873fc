import { findPreset } from '../../lib/llm/presets';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { updateGeneralSettings } from './update-general-settings';
import { useAction } from './use-action';

export interface LocalServer {
  readonly presetId: string;
  readonly baseURL: string;
  readonly models: readonly string[];
}

/** A local server onboarding found: one click saves it as a profile, no typing, no key. */
export function LocalServerOffer({ server }: { server: LocalServer }) {
  const t = useT();
  const preset = findPreset(server.presetId);
  const [model] = server.models;
  const use = useAction(async (first: string) => {
    await callBackground('profiles.save', {
      profile: {
        presetId: preset.id,
        name: preset.name,
        baseURL: server.baseURL,
        model: first,
        models: [...server.models],
      },
    });
    await updateGeneralSettings({ onboarded: true });
  });
  return (
    <li className="local-server">
      <div className="row">
        <span className="grow">{t('onboarding.found', { name: preset.name, count: server.models.length })}</span>
        {model ? (
          <button
            type="button"
            className="primary"
            disabled={use.state.status === 'running'}
            onClick={() => void use.run(model)}
          >
            {t('onboarding.use', { name: preset.name })}
          </button>
        ) : null}
      </div>
      {model ? null : <div className="muted">{t('onboarding.noModels')}</div>}
      {use.state.status === 'failed' ? <ErrorMessage error={use.state.error} /> : null}
    </li>
  );
}
