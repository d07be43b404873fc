import type { ProviderPreset } from '../../lib/llm/presets';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';

/** What the provider key field says: none needed for a local server, else where the key goes and where to get one. */
export function ProviderKeyHint({ preset }: { preset: ProviderPreset }) {
  const t = useT();
  if (preset.local) return <>{t('settings.apiKeyNone')}</>;
  if (!preset.keyUrl) return null;
  return (
    <>
      {t('settings.apiKeyHint', { name: preset.name })}{' '}
      <ExternalLink href={preset.keyUrl}>{t('settings.apiKeyWhere')}</ExternalLink>
    </>
  );
}

/** Whether the preset has a hint to show (a null-rendering hint must not add an empty `aria-describedby`). */
export function hasProviderKeyHint(preset: ProviderPreset): boolean {
  return preset.local || Boolean(preset.keyUrl);
}
