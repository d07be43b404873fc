import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../hooks/use-t';

const draftKey = 'aside.draft';

/** Restores an unsent draft: closing the panel must not lose what the user typed. */
export function loadDraft(): string {
  return localStorage.getItem(draftKey) ?? '';
}

/**
 * The question box. Enter sends, Shift+Enter adds a line, and Enter while an
 * IME is composing (Chinese, Japanese input) picks the candidate instead.
 */
export function Composer({
  value,
  onChange,
  onSend,
  onStop,
  running,
  placeholder,
  tools,
  onFiles,
}: {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  running: boolean;
  placeholder: string;
  /** Buttons beside the box (the screenshot button). */
  tools?: ReactNode;
  /** Files pasted or dropped into the composer; returns whether they were taken. */
  onFiles?: (files: File[]) => boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    localStorage.setItem(draftKey, value);
  }, [value]);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (!running && value.trim()) onSend();
      }}
      onDragOver={(event) => {
        if (onFiles && event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        if (!onFiles || event.dataTransfer.files.length === 0) return;
        // A dropped file the panel does not take must not replace the panel with the file.
        event.preventDefault();
        onFiles([...event.dataTransfer.files]);
      }}
    >
      {tools}
      <textarea
        ref={ref}
        className="composer-input"
        aria-label={placeholder}
        placeholder={placeholder}
        value={value}
        rows={3}
        onChange={(event) => onChange(event.target.value)}
        onPaste={(event) => {
          if (onFiles?.([...event.clipboardData.files])) event.preventDefault();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && running) onStop();
          if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
          event.preventDefault();
          if (!running && value.trim()) onSend();
        }}
      />
      {running ? (
        <button type="button" onClick={onStop}>
          {t('chat.stop')}
        </button>
      ) : (
        <button type="submit" className="primary" disabled={!value.trim()}>
          {t('chat.send')}
        </button>
      )}
    </form>
  );
}
