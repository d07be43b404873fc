import { useState } from 'react';
import { profilesItem, visionOverridesItem } from '../../lib/settings/secure-settings';
import { detectVision } from '../../lib/vision/vision-models';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';

/**
 * Per model: does it read images? Listed are the profiles' default models and
 * any model the user already set; "Another model" adds one (e.g. one picked in
 * the side panel). The switch overrides the guess from the name.
 */
export function VisionSettings() {
  const t = useT();
  const profiles = useStorageItem(profilesItem);
  const overrides = useStorageItem(visionOverridesItem);
  const [other, setOther] = useState('');
  if (!profiles || !overrides) return null;

  const models = [...new Set([...profiles.map((profile) => profile.model), ...Object.keys(overrides)])];
  const set = (model: string, reads: boolean | null) =>
    visionOverridesItem.update((current) => {
      const { [model]: _old, ...rest } = current;
      return reads === null ? rest : { ...rest, [model]: reads };
    });

  return (
    <div className="vision-settings">
      <p className="muted field-hint">{t('vision.settingsHint')}</p>
      <ul className="vision-models">
        {models.map((model) => {
          const guess = detectVision(model);
          const set_ = overrides[model];
          return (
            <li key={model} className="row" data-testid="vision-model" data-model={model}>
              <code className="grow">{model}</code>
              <label>
                <input
                  type="checkbox"
                  checked={set_ ?? guess}
                  onChange={(event) => void set(model, event.target.checked)}
                />{' '}
                {t('vision.readsImages')}
              </label>
              <span className="muted field-hint">
                {t('vision.guess', { answer: guess ? t('vision.guessYes') : t('vision.guessNo') })}
              </span>
              {set_ === undefined ? null : (
                <button type="button" className="ghost" onClick={() => void set(model, null)}>
                  {t('vision.useGuess')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const model = other.trim();
          if (!model || model.length > 200) return;
          void set(model, overrides[model] ?? !detectVision(model));
          setOther('');
        }}
      >
        <input
          aria-label={t('vision.otherModel')}
          placeholder={t('vision.otherModel')}
          value={other}
          maxLength={200}
          onChange={(event) => setOther(event.target.value)}
        />
        <button type="submit" disabled={!other.trim()}>
          {t('vision.add')}
        </button>
      </form>
    </div>
  );
}
