import { memo, useMemo, useRef, useState } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import type { Source } from '../../lib/rag/citations';
import { textFragmentUrl } from '../../lib/rag/citations';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';
import { remarkCitations } from './remark-citations';
import { remarkHtmlAsText } from './remark-html-as-text';

function CodeBlock({ children }: { children?: React.ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="code-block">
      <button
        type="button"
        className="ghost copy-code"
        onClick={async () => {
          await navigator.clipboard.writeText(ref.current?.textContent ?? '');
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
      >
        {copied ? t('common.copied') : t('chat.copyCode')}
      </button>
      <pre ref={ref}>{children}</pre>
    </div>
  );
}

/** Images are never loaded: a Markdown image is a classic way to leak data to a remote host. */
function BlockedImage({ src, alt }: { src?: string | Blob; alt?: string }) {
  const t = useT();
  const url = typeof src === 'string' ? src : '';
  return (
    <ExternalLink href={url} className="blocked-image">
      {t('chat.imageBlocked', { url: alt ? `${alt} (${url})` : url })}
    </ExternalLink>
  );
}

const components: Components = {
  a: ({ href, children }) => <ExternalLink href={href ?? ''}>{children}</ExternalLink>,
  img: ({ src, alt }) => <BlockedImage src={src} alt={alt} />,
  pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
};

/** A citation marker: opens the saved page's original, scrolled to the cited passage. */
function CitationLink({ source }: { source: Source }) {
  return (
    <ExternalLink href={textFragmentUrl(source.url, source.passage)} className="citation" label={source.title}>
      [{source.n}]
    </ExternalLink>
  );
}

const noSources: readonly Source[] = [];

/**
 * Model output as Markdown: GFM, highlighted code, no raw HTML, no remote
 * images. With `sources`, citation markers such as [1] link to them.
 */
export const Markdown = memo(function Markdown({
  text,
  sources = noSources,
}: {
  text: string;
  sources?: readonly Source[];
}) {
  const withCitations = useMemo<Components>(
    () => ({
      ...components,
      a: ({ href, children }) => {
        const source = href?.startsWith('#cite-') ? sources.find((s) => `#cite-${s.n}` === href) : undefined;
        return source ? <CitationLink source={source} /> : <ExternalLink href={href ?? ''}>{children}</ExternalLink>;
      },
    }),
    [sources],
  );
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText, [remarkCitations, { count: sources.length }]]}
        rehypePlugins={[[rehypeHighlight, { detect: false }]]}
        components={sources.length > 0 ? withCitations : components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
});
