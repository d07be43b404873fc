import { useEffect } from 'react';
import { droppedFiles } from './dropped-files';

/**
 * Files dropped anywhere on the panel: the chat takes them as attachments.
 * A drop someone else already handled (the composer's images) is left alone,
 * and so is one with no file Aside reads as a document.
 */
export function usePanelDrop(onFiles: (files: File[]) => void): void {
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented) return;
      const files = droppedFiles(event.dataTransfer?.files ?? null);
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [onFiles]);
}
