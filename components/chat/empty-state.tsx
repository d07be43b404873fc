import { useT } from '../hooks/use-t';
import type { ChatScope } from './scope-switch';
import { SuggestedPrompts } from './suggested-prompts';

/**
 * What an empty chat says, for where questions go: starters for a page Aside
 * can read (off, with the reason, for one it cannot), what the library or the
 * web answers from, or a plain invitation when the page is left out.
 */
export function ChatEmptyState({
  scope,
  includePage,
  unreadable,
  pageLang,
  onPick,
}: {
  scope: ChatScope;
  includePage: boolean;
  /** Why the page cannot be read, when it cannot. */
  unreadable: string | undefined;
  pageLang: string | null | undefined;
  onPick: (prompt: string) => void;
}) {
  const t = useT();
  if (scope === 'library') return <Empty title={t('chat.empty.library')} hint={t('chat.empty.libraryHint')} />;
  if (scope === 'web') return <Empty title={t('chat.empty.web')} hint={t('chat.empty.webHint')} />;
  if (!includePage) return <Empty title={t('chat.empty.general')} />;
  return (
    <div className="empty" data-testid="empty-state">
      <p>{unreadable ? t('context.unreadable') : t('chat.empty.title')}</p>
      {unreadable ? <p className="muted empty-hint">{unreadable}</p> : null}
      <SuggestedPrompts pageLang={pageLang} onPick={onPick} disabledReason={unreadable} />
    </div>
  );
}

function Empty({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="empty" data-testid="empty-state">
      <p>{title}</p>
      {hint ? <p className="muted empty-hint">{hint}</p> : null}
    </div>
  );
}
