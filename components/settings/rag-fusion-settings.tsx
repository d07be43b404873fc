import { useId } from 'react';
import { type RagFusionMode, ragFusionModes } from '../../lib/rag/rag-fusion-settings';
import { ragFusionItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { Field } from './field';

/** RAG-Fusion for library questions: Off / Auto / On, and what it sends. */
export function RagFusionSettings() {
  const t = useT();
  const id = useId();
  const settings = useStorageItem(ragFusionItem);
  if (!settings) return null;
  return (
    <div className="rag-fusion-settings" data-testid="rag-fusion-settings">
      <Field id={`${id}-mode`} label={t('fusion.mode')}>
        <select
          id={`${id}-mode`}
          value={settings.mode}
          onChange={(event) => {
            // Read now: the controlled select shows the stored value again before the update runs.
            const mode = event.target.value as RagFusionMode;
            void ragFusionItem.update((current) => ({ ...current, mode }));
          }}
        >
          {ragFusionModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`fusion.mode.${mode}`)}
            </option>
          ))}
        </select>
      </Field>
      <p className="muted">{t('fusion.hint')}</p>
    </div>
  );
}
