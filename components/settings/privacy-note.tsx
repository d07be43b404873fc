import { useT } from '../hooks/use-t';

/** The privacy promise in plain words; README.md says the same. */
export function PrivacyNote() {
  const t = useT();
  return (
    <div className="privacy-note">
      <p>{t('privacy.stays')}</p>
      <p>{t('privacy.leaves')}</p>
      <p>{t('privacy.local')}</p>
    </div>
  );
}
