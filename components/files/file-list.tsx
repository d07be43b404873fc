import { useState } from 'react';
import type { LocalFile } from '../../lib/files/local-file';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { useAction } from '../settings/use-action';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icon';
import { fileFacts } from './file-facts';
import type { FileItem } from './use-local-files';
import './files.css';

/**
 * The files the user gave, one line each: the name, then "Reading…", what was
 * read (pages, tokens, cut), or why it could not be read. In the composer a
 * read file can be saved to the library and any file removed.
 */
export function FileList({
  items,
  onRemove,
  canSave,
  saved,
  testId,
}: {
  items: readonly FileItem[];
  onRemove?: (id: string) => void;
  canSave?: boolean;
  /** Files the library view has saved. */
  saved?: ReadonlySet<string>;
  testId: string;
}) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <ul className="file-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className="file-item" data-testid="file-item" data-status={item.status}>
          <div className="row">
            <span className="file-name grow" title={item.name}>
              <Icon name="document" /> {item.name}
            </span>
            {item.status === 'reading' ? <span className="muted">{t('files.reading')}</span> : null}
            {item.status === 'ready' ? <span className="muted file-facts">{fileFacts(item.file, t)}</span> : null}
            {item.status === 'ready' && canSave ? <SaveFile file={item.file} /> : null}
            {saved?.has(item.id) ? <span className="muted">{t('files.savedToLibrary')}</span> : null}
            {onRemove ? (
              <button
                type="button"
                className="ghost"
                aria-label={t('files.remove', { name: item.name })}
                onClick={() => onRemove(item.id)}
              >
                ✕
              </button>
            ) : null}
          </div>
          {item.status === 'failed' ? <ErrorMessage error={item.error} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** "Save to library" for a file attached to the chat. */
function SaveFile({ file }: { file: LocalFile }) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    await callBackground('library.saveFile', { file });
    setSaved(true);
  });
  if (saved) return <span className="muted">{t('files.savedToLibrary')}</span>;
  return (
    <>
      <button type="button" className="ghost" disabled={save.state.status === 'running'} onClick={() => save.run()}>
        {t('files.saveToLibrary')}
      </button>
      {save.state.status === 'failed' ? <ErrorMessage error={save.state.error} /> : null}
    </>
  );
}
