import { kindOf } from '../../lib/capture/context-kind';
import type { ErrorCode } from '../../lib/messaging/errors';
import type { ActiveTab } from '../hooks/use-active-tab';
import { useT } from '../hooks/use-t';
import { faviconFor } from '../ui/favicon';
import { type Attached, attachedLabels } from './attached-label';
import { contextKindLabel } from './context-kind-label';
import { InfoLine } from './info-line';
import type { PagePreview } from './use-page-preview';

/**
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

/**
 * Which page is in context, on one line: its favicon and title, a switch to
 * leave it out, what kind of thing it is (a PDF with its pages), and how much
 * of it fits the token budget (a cut page says so). A PDF Aside cannot read (a
 * scan, a password, a damaged file, a file:// tab without permission) says why.
 * What else goes with the question (a screenshot, images, files) is named after it.
 */
export function ContextBar({
  tab,
  include,
  preview,
  attached,
  onIncludeChange,
}: {
  tab: ActiveTab | null;
  include: boolean;
  preview: PagePreview;
  attached: Attached;
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
  // What goes besides the page comes before the page's token count (which is the page's alone), so a
  // narrow panel still shows it before the line is cut.
  const extras = attachedLabels(attached, t);
  const parts = !include
    ? [t('context.off'), ...extras]
    : preview.error && explainedErrors.has(preview.error.code)
      ? [t(`error.${preview.error.code}`), ...extras]
      : preview.unreadable || preview.error
        ? [t('context.unreadable'), ...extras]
        : !info
          ? [t('context.loading'), ...extras]
          : [...(kind ? [kind] : []), ...extras, amount];
  const status = parts.join(' · ');
  // One line (the switch, the page, how much of it goes); the address and the full status behind ⓘ.
  return (
    <InfoLine
      className="context-bar"
      testId="context-bar"
      label={t('context.details')}
      details={
        <>
          <div className="context-full-title">{tab.title || tab.url}</div>
          <div className="context-url">{tab.url}</div>
          <div>{status}</div>
          {preview.error?.detail ? <div>{preview.error.detail}</div> : null}
        </>
      }
    >
      <label className="row context-toggle" title={tab.url}>
        <input type="checkbox" checked={include} onChange={(event) => onIncludeChange(event.target.checked)} />
        {icon ? <img src={icon} alt="" width={16} height={16} /> : null}
        <span className="context-title">{tab.title || tab.url}</span>
      </label>
      <span className="context-status muted" data-testid="context-status" title={status}>
        {status}
      </span>
    </InfoLine>
  );
}
