import { useId, useState } from 'react';
import { type Action, actionSurfaces } from '../../lib/actions/action';
import { useT } from '../hooks/use-t';

/** The form for one user action: name, icon, template and where it appears. */
export function ActionEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: Action;
  onSave(action: Action): void;
  onCancel(): void;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const valid = draft.name.trim() !== '' && draft.template.trim() !== '';
  return (
    <form
      className="action-editor general-settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSave({ ...draft, name: draft.name.trim() });
      }}
    >
      <label htmlFor={`${id}-name`}>{t('actions.name')}</label>
      <input
        id={`${id}-name`}
        value={draft.name}
        maxLength={80}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <label htmlFor={`${id}-icon`}>{t('actions.icon')}</label>
      <input
        id={`${id}-icon`}
        value={draft.icon}
        maxLength={8}
        onChange={(e) => setDraft({ ...draft, icon: e.target.value })}
      />
      <label htmlFor={`${id}-template`}>{t('actions.template')}</label>
      <textarea
        id={`${id}-template`}
        rows={5}
        value={draft.template}
        onChange={(e) => setDraft({ ...draft, template: e.target.value })}
      />
      <div className="row">
        {actionSurfaces.map((surface) => (
          <label key={surface} className="row">
            <input
              type="checkbox"
              checked={draft.surfaces.includes(surface)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  surfaces: e.target.checked
                    ? [...draft.surfaces, surface]
                    : draft.surfaces.filter((s) => s !== surface),
                })
              }
            />
            {t(`actions.surface.${surface}`)}
          </label>
        ))}
      </div>
      <div className="row">
        <button type="submit" disabled={!valid}>
          {t('common.save')}
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
