import { memo, useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import type { Source } from '../../lib/rag/citations';
import { SourceLink } from '../files/source-link';
import type { LinkPolicy } from './link-policy';
import { ModelLink } from './model-link';
import { markdownComponents } from './plain-markdown';
import { remarkCitations } from './remark-citations';
import { remarkHtmlAsText } from './remark-html-as-text';

/** A citation marker: opens the saved page's original (a saved file: the reader), at the cited passage. */
function CitationLink({ source }: { source: Source }) {
  return (
    <SourceLink source={source} className="citation" label={source.title}>
      [{source.n}]
    </SourceLink>
  );
}

const noSources: readonly Source[] = [];

/**
 * Model output as Markdown: GFM, highlighted code, no raw HTML, no remote
 * images. With `sources`, citation markers such as [1] link to them (Aside
 * makes those links, so they are not the model's). `links` says which of the
 * model's links may be opened (link-policy.ts): every caller decides.
 */
export const Markdown = memo(function Markdown({
  text,
  links,
  sources = noSources,
}: {
  text: string;
  links: LinkPolicy;
  sources?: readonly Source[];
}) {
  const components = useMemo<Components>(() => {
    const base = markdownComponents(links);
    if (sources.length === 0) return base;
    return {
      ...base,
      a: ({ href, children }) => {
        const source = href?.startsWith('#cite-') ? sources.find((s) => `#cite-${s.n}` === href) : undefined;
        return source ? (
          <CitationLink source={source} />
        ) : (
          <ModelLink href={href ?? ''} policy={links}>
            {children}
          </ModelLink>
        );
      },
    };
  }, [links, sources]);
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText, [remarkCitations, { count: sources.length }]]}
        rehypePlugins={[[rehypeHighlight, { detect: false }]]}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
});
