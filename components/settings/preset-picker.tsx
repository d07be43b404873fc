import { presetName } from '../../lib/llm/preset-name';
import { providerPresets } from '../../lib/llm/presets';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';

/**
 * Every preset as a tile to choose: its initial, its name, and below it where
 * that provider issues keys (or that it runs on this computer).
 */
export function PresetPicker({ onPick }: { onPick: (presetId: string) => void }) {
  const t = useT();
  return (
    <ul className="preset-list" data-testid="preset-tiles">
      {providerPresets.map((preset) => {
        const name = presetName(preset, t);
        return (
          <li key={preset.id}>
            <button type="button" onClick={() => onPick(preset.id)}>
              <span className="preset-initial" aria-hidden="true">
                {preset.id === 'custom' ? '+' : preset.name.slice(0, 1)}
              </span>
              <span className="preset-tile-name">{name}</span>
            </button>
            <div className="preset-tile-meta muted">
              {preset.keyUrl ? (
                <ExternalLink href={preset.keyUrl} label={`${t('settings.apiKeyWhere')}: ${name}`}>
                  {t('settings.apiKeyWhere')}
                </ExternalLink>
              ) : preset.local ? (
                t('settings.presetLocal')
              ) : (
                t('settings.presetAnyServer')
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
