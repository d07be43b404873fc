import { useCallback, useState } from 'react';
import type { LocalFile } from '../../lib/files/local-file';
import { AsideError } from '../../lib/messaging/errors';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';
import { AttachButton } from './attach-button';
import { FileDropZone } from './file-drop-zone';
import { FileList } from './file-list';
import { type FileItem, useLocalFiles } from './use-local-files';

/**
 * The library's "Add files…": local files picked or dropped here are read in
 * the panel and saved as library items (title: the file name), each with its
 * own progress and error. A file that cannot be read is not saved.
 */
export function LibraryFileUpload() {
  const t = useT();
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState<ReadonlyMap<string, FileItem>>(new Map());
  const save = useCallback((file: LocalFile, id: string) => {
    callBackground('library.saveFile', { file }).then(
      () => setSaved((current) => new Set(current).add(id)),
      (error: unknown) =>
        setFailed((current) =>
          new Map(current).set(id, { id, name: file.name, status: 'failed', error: AsideError.from(error).toJSON() }),
        ),
    );
  }, []);
  const files = useLocalFiles(save);
  const items = files.items.map((item) => failed.get(item.id) ?? item);
  return (
    <FileDropZone onFiles={files.add} className="library-upload">
      <AttachButton
        onFiles={files.add}
        label={t('files.upload')}
        title={t('files.uploadHint')}
        testId="library-file-input"
      />
      <FileList items={items} onRemove={files.remove} saved={saved} testId="library-files" />
    </FileDropZone>
  );
}
