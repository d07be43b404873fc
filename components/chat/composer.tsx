import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../hooks/use-t';

const draftKey = 'aside.draft';

/** Restores an unsent draft: closing the panel must not lose what the user typed. */
export function loadDraft(): string {
  return localStorage.getItem(draftKey) ?? '';
}

/**
 * The question box, with a row of small tools under it (scope, actions,
 * screenshot) and Send. Enter sends, Shift+Enter adds a line, and Enter while
 * an IME is composing (Chinese, Japanese input) picks the candidate instead.
 * `blocked` (no provider yet) keeps the text and sends nothing.
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
  blocked,
}: {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  running: boolean;
  placeholder: string;
  /** Small controls under the box, left of Send (scope switch, actions, screenshot). */
  tools?: ReactNode;
  /** Why nothing can be sent yet; Send stays off. */
  blocked?: string | undefined;
  /** Files pasted or dropped into the composer; returns whether they were taken. */
  onFiles?: (files: File[]) => boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    localStorage.setItem(draftKey, value);
  }, [value]);
  useEffect(() => ref.current?.focus(), []);
  const canSend = !running && !blocked && value.trim() !== '';
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSend) onSend();
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
      <textarea
        ref={ref}
        className="composer-input"
        aria-label={placeholder}
        placeholder={placeholder}
        value={value}
        rows={2}
        onChange={(event) => onChange(event.target.value)}
        onPaste={(event) => {
          if (onFiles?.([...event.clipboardData.files])) event.preventDefault();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && running) onStop();
          if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
          event.preventDefault();
          if (canSend) onSend();
        }}
      />
      <div className="composer-tools">
        {tools}
        <span className="spacer" />
        {running ? (
          <button
            type="button"
            className="icon-button send-button"
            aria-label={t('chat.stop')}
            title={t('chat.stop')}
            onClick={onStop}
          >
            <span aria-hidden="true">■</span>
          </button>
        ) : (
          <button
            type="submit"
            className="primary icon-button send-button"
            aria-label={t('chat.send')}
            title={blocked ?? t('chat.send')}
            disabled={!canSend}
          >
            <span aria-hidden="true">↑</span>
          </button>
        )}
      </div>
    </form>
  );
}
