import type { Element } from 'hast';
import { useRef, useState } from 'react';
import ReactMarkdown, { type Components, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { useT } from '../hooks/use-t';
import { type LinkPolicy, openLinks } from './link-policy';
import { BlockedImage, ModelLink } from './model-link';
import { remarkHtmlAsText } from './remark-html-as-text';

/** The language a fenced block names (` ```ts `), from its code element's `language-*` class. */
function languageOf(pre: Element | undefined): string | null {
  const code = pre?.children.find((child) => child.type === 'element' && child.tagName === 'code');
  const classes = code?.type === 'element' ? code.properties.className : undefined;
  const names = Array.isArray(classes) ? classes : [];
  const language = names.find((name) => String(name).startsWith('language-'));
  return language ? String(language).slice('language-'.length) : null;
}

/** A code block with a head line above the code (its language, Copy code), so the button never covers code. */
function CodeBlock({ language, children }: { language: string | null; children?: React.ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="code-block">
      <div className="code-head">
        <span className="code-language" data-testid="code-language">
          {language ?? ''}
        </span>
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
      </div>
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
    pre: ({ node, children }) => <CodeBlock language={languageOf(node)}>{children}</CodeBlock>,
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
