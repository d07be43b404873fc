import { providerPresets } from '../../lib/llm/presets';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';

/** Every preset as a button, with a link to where that provider issues keys. */
export function PresetPicker({ onPick }: { onPick: (presetId: string) => void }) {
  const t = useT();
  return (
    <ul className="preset-list">
      {providerPresets.map((preset) => (
        <li key={preset.id}>
          <button type="button" title={preset.name} onClick={() => onPick(preset.id)}>
            {preset.name}
          </button>
          {preset.keyUrl ? (
            <ExternalLink href={preset.keyUrl} label={`${t('settings.apiKeyWhere')}: ${preset.name}`}>
              {t('settings.apiKeyWhere')}
            </ExternalLink>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
