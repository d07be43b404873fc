import { useEffect, useState } from 'react';
import { useT } from '../hooks/use-t';

/** "Retrying in N s" with a live countdown, shown while the background backs off. */
export function RetryNotice({ attempt, maxAttempts, until }: { attempt: number; maxAttempts: number; until: number }) {
  const t = useT();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <div className="notice" role="status" data-testid="retry-notice">
      {t('chat.retrying', { seconds, attempt, max: maxAttempts })}
    </div>
  );
}
