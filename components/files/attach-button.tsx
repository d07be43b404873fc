import { useRef } from 'react';
import { acceptedFiles } from '../../lib/files/file-format';
import { useT } from '../hooks/use-t';
import { Icon } from '../ui/icon';

/**
 * A button that opens the file picker (several files at once) and hands over
 * what was picked. `iconOnly` shows just 📎, named by its aria-label (the composer's tools).
 */
export function AttachButton({
  onFiles,
  label,
  title,
  testId,
  iconOnly = false,
}: {
  onFiles: (files: File[]) => void;
  label?: string;
  title?: string;
  testId: string;
  iconOnly?: boolean;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      {iconOnly ? (
        <button
          type="button"
          className="ghost icon-button"
          aria-label={label ?? t('files.attach')}
          title={title ?? t('files.attachHint')}
          onClick={() => input.current?.click()}
        >
          <Icon name="paperclip" />
        </button>
      ) : (
        <button
          type="button"
          className="ghost"
          title={title ?? t('files.attachHint')}
          onClick={() => input.current?.click()}
        >
          <Icon name="paperclip" /> {label ?? t('files.attach')}
        </button>
      )}
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={acceptedFiles}
        data-testid={testId}
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // The same file may be picked again after it was removed.
          event.target.value = '';
        }}
      />
    </>
  );
}
