import { useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Action } from '../../lib/actions/action';
import { exportActions, importActions, mergeActions, type StoredActions } from '../../lib/actions/actions-store';
import { moveAction, removeAction, setActionEnabled, upsertAction } from '../../lib/actions/edit-actions';
import { templateVariables } from '../../lib/actions/render-template';
import { actionLabel } from '../../lib/content/embedded/action-label';
import { actionsItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { saveFile } from '../ui/save-file';
import { ActionEditor } from './action-editor';

const blank = (): Action => ({
  id: `user-${crypto.randomUUID()}`,
  name: '',
  icon: '★',
  surfaces: ['toolbar', 'contextMenu'],
  template: '{{selection}}',
  enabled: true,
  kind: 'prompt',
  builtin: false,
});

/** Built-in and user actions: order, on/off, create, edit, delete, export and import. */
export function ActionsSettings() {
  const t = useT();
  const stored = useStorageItem(actionsItem);
  const [editing, setEditing] = useState<Action | null>(null);
  const [importError, setImportError] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  if (!stored) return null;
  /** Each change applies to the latest stored actions, never to a render's copy. */
  const save = (change: (current: StoredActions) => StoredActions) => void actionsItem.update(change);
  const download = () => saveFile('aside-actions.json', exportActions(stored));
  const load = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      const text = await picked.text();
      importActions(stored, text); // throws on a broken file, before anything is saved
      save((current) => importActions(current, text));
      setImportError(false);
    } catch {
      setImportError(true);
    }
  };
  const all = mergeActions(stored);
  return (
    <div className="actions-settings">
      <p className="muted">{t('actions.intro', { vars: templateVariables.map((v) => `{{${v}}}`).join(' ') })}</p>
      <ul className="action-list" aria-label={t('actions.title')}>
        {all.map((action, index) => (
          <li key={action.id} className="row" data-testid="action-row">
            <label className="row grow">
              <input
                type="checkbox"
                checked={action.enabled}
                aria-label={`${t('actions.enabled')}: ${actionLabel(action, t)}`}
                onChange={(e) => {
                  const enabled = e.target.checked;
                  save((current) => setActionEnabled(current, action.id, enabled));
                }}
              />
              <span aria-hidden="true">{action.icon}</span> {actionLabel(action, t)}
            </label>
            <button
              type="button"
              className="ghost"
              aria-label={t('actions.moveUp')}
              disabled={index === 0}
              onClick={() => save((current) => moveAction(current, action.id, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="ghost"
              aria-label={t('actions.moveDown')}
              disabled={index === all.length - 1}
              onClick={() => save((current) => moveAction(current, action.id, 1))}
            >
              ↓
            </button>
            {action.builtin ? null : (
              <>
                <button type="button" className="ghost" onClick={() => setEditing(action)}>
                  {t('actions.edit')}
                </button>
                <button
                  type="button"
                  className="ghost"
                  onClick={() => save((current) => removeAction(current, action.id))}
                >
                  {t('common.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing ? (
        <ActionEditor
          key={editing.id}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSave={(action) => {
            save((current) => upsertAction(current, action));
            setEditing(null);
          }}
        />
      ) : null}
      <div className="row">
        <button type="button" onClick={() => setEditing(blank())}>
          {t('actions.new')}
        </button>
        <button type="button" className="ghost" onClick={download}>
          {t('actions.export')}
        </button>
        <button type="button" className="ghost" onClick={() => file.current?.click()}>
          {t('actions.import')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json"
          hidden
          onChange={(e) => void load(e.target.files?.[0])}
        />
        <button
          type="button"
          className="ghost"
          onClick={() =>
            void browser.tabs.create({
              url: import.meta.env.FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts',
            })
          }
        >
          {t('actions.shortcuts')}
        </button>
      </div>
      {importError ? <p role="alert">{t('actions.importFailed')}</p> : null}
    </div>
  );
}
