import { useState } from 'react';
import { useT } from '../../hooks/use-t';

/**
 * "Step in…": a small box to say something to the running team. The engine
 * hands it to the next member who speaks and records it then, so it shows in
 * the transcript as a user bubble from that moment; until then a note says it is queued.
 */
export function InterjectBox({ onSend }: { onSend: (text: string) => Promise<boolean> }) {
  const t = useT();
  const [text, setText] = useState('');
  const [note, setNote] = useState<'queued' | 'notDelivered' | null>(null);
  const send = async () => {
    const typed = text.trim();
    if (!typed) return;
    setText('');
    setNote((await onSend(typed)) ? 'queued' : 'notDelivered');
  };
  return (
    <form
      className="team-interject row"
      data-testid="team-interject"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <input
        data-testid="team-interject-input"
        aria-label={t('teamRun.interject')}
        placeholder={t('teamRun.interject')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setNote(null);
        }}
      />
      <button type="submit" data-testid="team-interject-send" disabled={!text.trim()}>
        {t('teamRun.interject.send')}
      </button>
      {note ? (
        <span className="muted team-interject-note" data-testid="team-interject-note">
          {t(`teamRun.interject.${note}`)}
        </span>
      ) : null}
    </form>
  );
}
