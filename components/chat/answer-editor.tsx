import { useState } from 'react';
import { useT } from '../hooks/use-t';

/**
 * Rewriting an answer: the user's text becomes the answer shown and trained on,
 * the model's original is kept (the two make a preference pair). `onSave(null)`
 * goes back to the original.
 */
export function AnswerEditor({
  text,
  edited,
  onSave,
  onClose,
}: {
  /** The text to start from: the current rewrite, or the original. */
  text: string;
  /** Whether a rewrite exists (offers going back to the original). */
  edited: boolean;
  onSave(text: string | null): void;
  onClose(): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(text);
  return (
    <div className="answer-editor" data-testid="answer-editor">
      <textarea
        aria-label={t('feedback.editLabel')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        rows={Math.min(16, Math.max(4, draft.split('\n').length + 1))}
      />
      <div className="row actions">
        <button
          type="button"
          className="primary"
          disabled={!draft.trim()}
          onClick={() => {
            onSave(draft.trim());
            onClose();
          }}
        >
          {t('feedback.saveEdit')}
        </button>
        {edited ? (
          <button
            type="button"
            onClick={() => {
              onSave(null);
              onClose();
            }}
          >
            {t('feedback.restoreOriginal')}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
