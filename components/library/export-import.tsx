import { useRef } from 'react';
import { exportLibrary } from '../../lib/library/library-store';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { useAction } from '../settings/use-action';
import { ErrorMessage } from '../ui/error-message';
import { saveFile } from '../ui/save-file';

/** Download the whole library as one JSON file, and merge such a file back in. */
export function ExportImport() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const importing = useAction(async (file: File) => callBackground('library.import', { text: await file.text() }));
  const download = async () => {
    const file = await exportLibrary();
    saveFile(`aside-library-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(file));
  };
  return (
    <div className="row export-import">
      <button type="button" onClick={download}>
        {t('library.export')}
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        {t('library.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importing.run(file);
          event.target.value = '';
        }}
      />
      {importing.state.status === 'done' ? (
        <span role="status" data-testid="import-result">
          {t('library.imported', importing.state.value)}
        </span>
      ) : null}
      {importing.state.status === 'failed' ? <ErrorMessage error={importing.state.error} /> : null}
    </div>
  );
}
