import type { SkippedPage } from '../../lib/search/read-pages';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';

/** The result pages a web answer could not read, each with the reason (timed out, not a web page…). */
export function SkippedPages({ skipped }: { skipped: readonly SkippedPage[] }) {
  const t = useT();
  return (
    <details className="sources skipped-pages" data-testid="skipped-pages">
      <summary>{t('web.skipped', { count: skipped.length })}</summary>
      <ul>
        {skipped.map((page) => (
          <li key={page.url} data-testid="skipped-page" data-reason={page.reason}>
            <ExternalLink href={page.url}>{page.title || page.url}</ExternalLink>
            <span className="muted"> — {t(`web.skip.${page.reason}`, { status: page.status ?? '' })}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
