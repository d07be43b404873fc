import type { Profile } from '../../lib/settings/profile';
import { useT } from '../hooks/use-t';
import { ProfileSwitcher } from './profile-switcher';
import { usePopover } from './use-popover';

/**
 * The model in use as a small chip in the header; a click opens the provider
 * and model choice below it (Escape or a click elsewhere closes it).
 */
export function ModelChip({
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
  const { open, setOpen, box } = usePopover();
  const profile = profiles.find((p) => p.id === profileId) ?? profiles[0];
  if (!profile) return null;
  const shown = model ?? profile.model;
  const hint = t('profile.chipHint', { profile: profile.name, model: shown });
  return (
    <div className="model-chip-box" ref={box}>
      <button
        type="button"
        className="model-chip"
        data-testid="model-chip"
        title={hint}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        <span className="model-chip-name">{shown}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="model-popover" role="dialog" aria-label={t('profile.choose')}>
          <ProfileSwitcher profiles={profiles} profileId={profile.id} model={shown} onChange={onChange} />
        </div>
      ) : null}
    </div>
  );
}
