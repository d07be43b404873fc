import { versionCount } from '../../lib/db/answer-versions';
import type { MessageRecord } from '../../lib/db/records';
import { callBackground } from '../../lib/messaging/requests';
import { useT } from '../hooks/use-t';

/** "‹ 1/2 ›" under a regenerated answer: every version is kept and can be shown again. */
export function VersionSwitcher({ message, busy }: { message: MessageRecord; busy: boolean }) {
  const t = useT();
  const total = versionCount(message);
  if (total < 2) return null;
  const versions = [message.version ?? 1, ...(message.otherVersions ?? []).map((v) => v.version)].sort((a, b) => a - b);
  const index = versions.indexOf(message.version ?? 1);
  const show = (version: number | undefined) => () => {
    if (version !== undefined) void callBackground('messages.showVersion', { id: message.id, version });
  };
  return (
    <span className="version-switcher" data-testid="version-switcher">
      <button
        type="button"
        className="ghost"
        aria-label={t('feedback.previousVersion')}
        title={t('feedback.previousVersion')}
        disabled={busy || index === 0}
        onClick={show(versions[index - 1])}
      >
        ‹
      </button>
      <span className="muted">{t('feedback.versionOf', { index: index + 1, total })}</span>
      <button
        type="button"
        className="ghost"
        aria-label={t('feedback.nextVersion')}
        title={t('feedback.nextVersion')}
        disabled={busy || index === total - 1}
        onClick={show(versions[index + 1])}
      >
        ›
      </button>
    </span>
  );
}
