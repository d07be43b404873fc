import type { ActiveTab } from '../hooks/use-active-tab';
import { useT } from '../hooks/use-t';
import { faviconFor } from '../ui/favicon';
import type { PagePreview } from './use-page-preview';

/**
 * Which page is in context: its favicon and title, a switch to leave it out,
 * and how much of it fits the token budget (a cut page says so).
 */
export function ContextBar({
  tab,
  include,
  preview,
  onIncludeChange,
}: {
  tab: ActiveTab | null;
  include: boolean;
  preview: PagePreview;
  onIncludeChange: (include: boolean) => void;
}) {
  const t = useT();
  if (!tab) return null;
  const icon = faviconFor(tab.url, tab.favIconUrl);
  const { info } = preview;
  return (
    <div className="context-bar" data-testid="context-bar">
      <label className="row context-toggle">
        <input type="checkbox" checked={include} onChange={(event) => onIncludeChange(event.target.checked)} />
        {icon ? <img src={icon} alt="" width={16} height={16} /> : null}
        <span className="context-title" title={tab.url}>
          {tab.title || tab.url}
        </span>
      </label>
      <div className="context-status muted" data-testid="context-status" title={preview.error?.detail}>
        {!include
          ? t('context.off')
          : preview.unreadable || preview.error
            ? t('context.unreadable')
            : !info
              ? t('context.loading')
              : info.truncated
                ? t('context.cut', { kept: info.tokens, total: info.totalTokens })
                : t('context.tokens', { tokens: info.tokens })}
      </div>
    </div>
  );
}
