import { type ReactNode, useState } from 'react';
import { useT } from '../hooks/use-t';
import { droppedFiles } from './dropped-files';

/** Takes documents dropped on its children (see dropped-files.ts), and shows where to drop while dragging. */
export function FileDropZone({
  onFiles,
  children,
  className,
}: {
  onFiles: (files: File[]) => void;
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  const [over, setOver] = useState(false);
  const carriesFiles = (types: readonly string[]) => types.includes('Files');
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the Attach button beside it is the keyboard path
    <div
      className={`file-drop-zone${over ? ' dragging' : ''}${className ? ` ${className}` : ''}`}
      onDragOver={(event) => {
        if (!carriesFiles(event.dataTransfer.types)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const files = droppedFiles(event.dataTransfer.files);
        if (files.length === 0) return;
        event.preventDefault();
        onFiles(files);
      }}
    >
      {over ? <div className="file-drop-hint">{t('files.drop')}</div> : null}
      {children}
    </div>
  );
}
