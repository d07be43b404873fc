import type { Source } from '../../lib/rag/citations';
import { passageText } from '../../lib/rag/passage-text';
import { SavedTextLink, SourceLink } from '../files/source-link';
import { useT } from '../hooks/use-t';

/** The saved pages a library answer drew on, each opening at the cited passage. */
export function SourcesList({ sources }: { sources: readonly Source[] }) {
  const t = useT();
  return (
    <details className="sources" data-testid="sources" open>
      <summary>{t('rag.sources', { count: sources.length })}</summary>
      <ol>
        {sources.map((source) => (
          <li key={source.n} value={source.n} data-testid="source">
            <SourceLink source={source}>{source.title || source.url}</SourceLink>
            {source.file ? <span className="muted source-file"> · {source.file}</span> : null}
            <SavedTextLink source={source} />
            {source.headingPath.length > 0 ? <span className="muted"> › {source.headingPath.join(' › ')}</span> : null}
            <div className="muted source-passage">{passageText(source.passage)}</div>
          </li>
        ))}
      </ol>
    </details>
  );
}
