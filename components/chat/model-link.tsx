import type { ReactNode } from 'react';
import { useT } from '../hooks/use-t';
import { CarriedWarning } from '../ui/carried-warning';
import { ExternalLink } from '../ui/external-link';
import { type LinkPolicy, linkVerdict } from './link-policy';

/**
 * A link in model output: a normal (inert until clicked) link when its
 * answer was checked and it carries nothing; plain text with the warning in
 * words and the decoded address when it carries text the model was given;
 * plain text while the answer is not checked yet.
 */
export function ModelLink({ href, policy, children }: { href: string; policy: LinkPolicy; children: ReactNode }) {
  const t = useT();
  const verdict = linkVerdict(policy, href);
  if (verdict.kind === 'open') return <ExternalLink href={href}>{children}</ExternalLink>;
  if (verdict.kind === 'inert') {
    return (
      <span className="inert-link" title={t('dataflow.unchecked')}>
        {children}
      </span>
    );
  }
  return (
    <span className="carried-link" data-testid="carried-link">
      {children} <span className="carried-address">({verdict.link.decoded})</span>{' '}
      <CarriedWarning carried={verdict.link.carried} where="link" />
    </span>
  );
}

/** Images are never loaded: a Markdown image is a classic way to leak data to a remote host. */
export function BlockedImage({ src, alt, policy }: { src?: string | Blob; alt?: string; policy: LinkPolicy }) {
  const t = useT();
  const url = typeof src === 'string' ? src : '';
  const verdict = linkVerdict(policy, url);
  if (verdict.kind === 'open') {
    return (
      <ExternalLink href={url} className="blocked-image">
        {t('chat.imageBlocked', { url: alt ? `${alt} (${url})` : url })}
      </ExternalLink>
    );
  }
  if (verdict.kind === 'inert') {
    return <span className="blocked-image">{t('chat.imageBlocked', { url: alt ? `${alt} (${url})` : url })}</span>;
  }
  const shown = verdict.link.decoded;
  return (
    <span className="blocked-image carried-link" data-testid="carried-link">
      {t('chat.imageBlocked', { url: alt ? `${alt} (${shown})` : shown })}{' '}
      <CarriedWarning carried={verdict.link.carried} where="image" />
    </span>
  );
}
