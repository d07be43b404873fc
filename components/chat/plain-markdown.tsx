import { useRef, useState } from 'react';
import ReactMarkdown, { type Components, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { useT } from '../hooks/use-t';
import { type LinkPolicy, openLinks } from './link-policy';
import { BlockedImage, ModelLink } from './model-link';
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

/** How Aside renders links, images and code blocks in any model output (panel and in-page card). */
export function markdownComponents(links: LinkPolicy): Components {
  return {
    a: ({ href, children }) => (
      <ModelLink href={href ?? ''} policy={links}>
        {children}
      </ModelLink>
    ),
    img: ({ src, alt }) => <BlockedImage src={src} alt={alt} policy={links} />,
    pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
  };
}

const openComponents = markdownComponents(openLinks);

/**
 * Model output as Markdown without syntax highlighting: GFM, no raw HTML, no
 * remote images, links inert until clicked. The in-page card uses it as is,
 * since highlighting grammars would multiply the content script's size in
 * every page; the side panel adds highlighting (markdown.tsx).
 */
export function PlainMarkdown({ text, rehypePlugins }: { text: string; rehypePlugins?: Options['rehypePlugins'] }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        {...(rehypePlugins ? { rehypePlugins } : {})}
        components={openComponents}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
