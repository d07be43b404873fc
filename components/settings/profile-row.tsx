import { presetName } from '../../lib/llm/preset-name';
import { findPreset } from '../../lib/llm/presets';
import { callBackground } from '../../lib/messaging/requests';
import type { Profile } from '../../lib/settings/profile';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';
import { useAction } from './use-action';

/** One saved provider: what it points at, whether a key is stored, and what can be done with it. */
export function ProfileRow({
  profile,
  active,
  onEdit,
  onDeleted,
}: {
  profile: Profile;
  active: boolean;
  onEdit: (profile: Profile) => void;
  onDeleted: (id: string) => void;
}) {
  const t = useT();
  const activate = useAction(() => callBackground('profiles.activate', { id: profile.id }));
  const remove = useAction(async () => {
    await callBackground('profiles.delete', { id: profile.id });
    onDeleted(profile.id);
  });
  const failed = activate.state.status === 'failed' ? activate.state : remove.state;
  const busy = activate.state.status === 'running' || remove.state.status === 'running';

  return (
    <li className="profile-row" data-testid="profile-row" data-profile-id={profile.id} data-active={active}>
      <div className="profile-main">
        <div className="row">
          <strong className="profile-name" translate="no">
            {profile.name}
          </strong>
          {active ? <span className="badge">{t('settings.active')}</span> : null}
        </div>
        <div className="profile-meta muted">
          <span>{presetName(findPreset(profile.presetId), t)}</span>
          <span className="mono" translate="no">
            {profile.model}
          </span>
          <span className="mono" translate="no">
            {profile.baseURL}
          </span>
          <span className={profile.hasApiKey ? 'key-status stored' : 'key-status'}>
            {profile.hasApiKey ? t('settings.keyStored') : t('settings.noKey')}
          </span>
        </div>
      </div>
      <div className="row profile-actions">
        <button type="button" onClick={() => onEdit(profile)}>
          {t('common.edit')}
        </button>
        <button type="button" disabled={active || busy} onClick={() => void activate.run()}>
          {t('settings.makeActive')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void remove.run()}>
          {t('common.delete')}
        </button>
      </div>
      {failed.status === 'failed' ? <ErrorMessage error={failed.error} /> : null}
    </li>
  );
}
