import { useT } from '../hooks/use-t';
import type { QueuedOutcome } from './queued-send';

/**
 * Says what became of a question sent while files were being read: it waits
 * ("Sends once notes.pdf is read…"), or it was kept unsent and why.
 */
export function QueuedSendNote({
  waiting,
  held,
}: {
  waiting: readonly string[] | null;
  held: Extract<QueuedOutcome, { type: 'hold' }> | null;
}) {
  const t = useT();
  const [only] = waiting ?? [];
  if (waiting && only !== undefined) {
    return (
      <p className="muted queued-send" role="status" data-testid="queued-send">
        {/* One file is named: its One form ("Sends once notes.pdf is read…"). */}
        {t('files.sendsWhenRead', { count: waiting.length, name: only })}
      </p>
    );
  }
  if (!held) return null;
  return (
    <p className="queued-send" role="alert" data-testid="queued-send-held">
      {t(held.why === 'failed' ? 'files.notSentFailed' : 'files.notSentRemoved', { name: held.name })}
    </p>
  );
}
