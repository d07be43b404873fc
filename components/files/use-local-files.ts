import { useCallback, useState } from 'react';
import { fileLimits } from '../../lib/files/file-limits';
import type { LocalFile } from '../../lib/files/local-file';
import { readLocalFile } from '../../lib/files/read-local-file';
import { AsideError, type SerializedError } from '../../lib/messaging/errors';
import { callBackground } from '../../lib/messaging/requests';
import { bytesToBase64 } from '../../lib/pdf/bytes-base64';

/** One file the user gave: being read, read (its text), or refused with the reason. */
export type FileItem =
  | { readonly id: string; readonly name: string; readonly status: 'reading' }
  | { readonly id: string; readonly name: string; readonly status: 'ready'; readonly file: LocalFile }
  | { readonly id: string; readonly name: string; readonly status: 'failed'; readonly error: SerializedError };

/** pdf.js runs in the offscreen document: the bytes go there through the background, and the text comes back. */
const readers = {
  extractPdf: (bytes: Uint8Array) => callBackground('files.extractPdf', { data: bytesToBase64(bytes) }),
};

/**
 * Local files the user attached or dropped, each read on its own (a broken
 * one does not stop the others) with its own status. `onRead` runs for each
 * file read (the library saves it).
 */
export function useLocalFiles(onRead?: (file: LocalFile, id: string) => void) {
  const [items, setItems] = useState<readonly FileItem[]>([]);
  const add = useCallback(
    (files: readonly File[]) => {
      const update = (id: string, next: FileItem) =>
        setItems((current) => current.map((item) => (item.id === id ? next : item)));
      for (const file of files.slice(0, fileLimits.maxFiles)) {
        const id = crypto.randomUUID();
        const { name } = file;
        setItems((current) => [...current, { id, name, status: 'reading' }]);
        readLocalFile(file, readers).then(
          (read) => {
            update(id, { id, name, status: 'ready', file: read });
            onRead?.(read, id);
          },
          (error: unknown) => {
            const failed = AsideError.from(error).toJSON();
            // The PDF path's own errors do not name the file; the list shows the name beside the message.
            update(id, { id, name, status: 'failed', error: { ...failed, params: { name, ...failed.params } } });
          },
        );
      }
    },
    [onRead],
  );
  const remove = useCallback((id: string) => setItems((current) => current.filter((item) => item.id !== id)), []);
  const clear = useCallback(() => setItems([]), []);
  const ready = items.flatMap((item) => (item.status === 'ready' ? [item.file] : []));
  const reading = items.some((item) => item.status === 'reading');
  return { items, ready, reading, add, remove, clear };
}
