import type { Profile } from '../../lib/settings/profile';
import { useT } from '../hooks/use-t';

/** Picks the provider profile and model for this chat. */
export function ProfileSwitcher({
  profiles,
  profileId,
  model,
  onChange,
}: {
  profiles: readonly Profile[];
  profileId: string | undefined;
  model: string | undefined;
  onChange: (profileId: string, model: string) => void;
}) {
  const t = useT();
  const profile = profiles.find((p) => p.id === profileId) ?? profiles[0];
  if (!profile) return null;
  const models = [...new Set([profile.model, ...profile.models, ...(model ? [model] : [])])];
  return (
    <div className="row profile-switcher">
      <select
        aria-label={t('profile.label')}
        value={profile.id}
        onChange={(event) => {
          const next = profiles.find((p) => p.id === event.target.value);
          if (next) onChange(next.id, next.model);
        }}
      >
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('profile.model')}
        value={model ?? profile.model}
        onChange={(event) => onChange(profile.id, event.target.value)}
      >
        {models.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </div>
  );
}
