import type { ContextKind } from '../../lib/capture/context-kind';
import type { Translate } from '../../lib/i18n/translate';
import { formatTimestamp } from '../../lib/video/timestamps';

/**
 * What kind of thing is in context, as the context bar names it before the
 * token count: nothing for a web page, "PDF, 12 pages" (and how many were read
 * when the page budget stopped early) for a PDF, "Transcript, 12:34" for a
 * video's captions. The switch is exhaustive: a
 * new kind does not compile until it is named here.
 */
export function contextKindLabel(kind: ContextKind, t: Translate): string | null {
  switch (kind.kind) {
    case 'page':
      return null;
    case 'pdf': {
      const label = kind.pages === 1 ? t('context.pdfOnePage') : t('context.pdf', { pages: kind.pages });
      return kind.pagesRead < kind.pages ? `${label} · ${t('context.pdfPagesRead', { read: kind.pagesRead })}` : label;
    }
    case 'file': {
      if (kind.pages === undefined) return t('files.localFile');
      const pages = kind.pages === 1 ? t('files.onePage') : t('files.pages', { pages: kind.pages });
      return `${t('files.localFile')} · ${pages}`;
    }
    case 'transcript':
      return t('context.transcript', { duration: formatTimestamp(kind.durationSec) });
  }
}
