import { providerPresets } from '../../lib/llm/presets';
import { useT } from '../hooks/use-t';

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
            <a
              href={preset.keyUrl}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`${t('settings.apiKeyWhere')}: ${preset.name}`}
            >
              {t('settings.apiKeyWhere')}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
