import type { Profile } from '../../lib/settings/profile';
import { useT } from '../hooks/use-t';
import { ProfileRow } from './profile-row';

/** The saved providers; the active one is what new chats use. */
export function ProfileList({
  profiles,
  activeId,
  onEdit,
  onDeleted,
}: {
  profiles: readonly Profile[];
  activeId: string | undefined;
  onEdit: (profile: Profile) => void;
  onDeleted: (id: string) => void;
}) {
  const t = useT();
  if (profiles.length === 0) return <p className="muted">{t('settings.noProfiles')}</p>;
  return (
    <ul className="profile-list">
      {profiles.map((profile) => (
        <ProfileRow
          key={profile.id}
          profile={profile}
          active={profile.id === activeId}
          onEdit={onEdit}
          onDeleted={onDeleted}
        />
      ))}
    </ul>
  );
}
