import type { ReactNode } from 'react';

/** Only web addresses open; anything else (javascript:, data:, extension pages) is inert text. */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A link to another site that the browser cannot touch before the user
 * clicks it: no `href`, so Chromium neither resolves nor preconnects to its
 * host on hover (a host name can carry data out, and a preconnect tells the
 * site the user is looking). Opens in a new tab, without opener or referrer.
 */
export function ExternalLink({
  href,
  children,
  className,
  label,
}: {
  href: string;
  children: ReactNode;
  className?: string;
  /** Accessible name when the visible text alone is ambiguous. */
  label?: string;
}) {
  const open = () => {
    if (isWebUrl(href)) window.open(href, '_blank', 'noopener,noreferrer');
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <a href> is exactly what the browser preconnects on hover; the role keeps it a link for assistive tech
    <span
      role="link"
      tabIndex={0}
      aria-label={label}
      className={`external-link${className ? ` ${className}` : ''}`}
      title={href}
      data-href={href}
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
