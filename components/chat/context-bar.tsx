import { kindOf } from '../../lib/capture/context-kind';
import type { ErrorCode } from '../../lib/messaging/errors';
import type { ActiveTab } from '../hooks/use-active-tab';
import { useT } from '../hooks/use-t';
import { faviconFor } from '../ui/favicon';
import { contextKindLabel } from './context-kind-label';
import type { PagePreview } from './use-page-preview';

/**
 * Which page is in context: its favicon and title, a switch to leave it out,
 * what kind of thing it is (a PDF with its pages), and how much of it fits the
 * token budget (a cut page says so). A PDF Aside cannot read (a scan, a
 * password, a damaged file, a file:// tab without permission) says why.
 */
/** Errors whose own message tells the user more than "cannot read this page": what the PDF is, and what to do. */
const explainedErrors = new Set<ErrorCode>([
  'pdf-no-text',
  'pdf-encrypted',
  'pdf-broken',
  'pdf-too-large',
  'pdf-unavailable',
  'file-access-needed',
  'video-no-captions',
  'video-captions-failed',
]);

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
  const kind = info ? contextKindLabel(kindOf(info), t) : null;
  const amount = !info
    ? ''
    : info.truncated
      ? t('context.cut', { kept: info.tokens, total: info.totalTokens })
      : t('context.tokens', { tokens: info.tokens });
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
          : preview.error && explainedErrors.has(preview.error.code)
            ? t(`error.${preview.error.code}`)
            : preview.unreadable || preview.error
              ? t('context.unreadable')
              : !info
                ? t('context.loading')
                : kind
                  ? `${kind} · ${amount}`
                  : amount}
      </div>
    </div>
  );
}
