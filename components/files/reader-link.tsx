import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { readerPath } from '../../lib/library/reader-link';

/**
 * A link that opens Aside's reader view in a new tab: a saved item's text with
 * the cited passage highlighted. A span with a link role, like ExternalLink,
 * so link handling stays in one shape.
 */
export function ReaderLink({
  pageId,
  passage,
  children,
  className,
  label,
}: {
  pageId: string;
  passage?: string;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const open = () => void browser.tabs.create({ url: browser.runtime.getURL(readerPath(pageId, passage) as '/') });
  return (
    // biome-ignore lint/a11y/useSemanticElements: the same shape as ExternalLink (components/ui/external-link.tsx)
    <span
      role="link"
      tabIndex={0}
      aria-label={label}
      className={`external-link${className ? ` ${className}` : ''}`}
      data-reader={pageId}
      onClick={(event) => {
        event.preventDefault();
        open();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
      }}
    >
      {children}
    </span>
  );
}
