import { memo } from 'react';
import rehypeHighlight from 'rehype-highlight';
import { PlainMarkdown } from './plain-markdown';

/** Model output as Markdown: GFM, highlighted code, no raw HTML, no remote images. */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return <PlainMarkdown text={text} rehypePlugins={[[rehypeHighlight, { detect: false }]]} />;
});
