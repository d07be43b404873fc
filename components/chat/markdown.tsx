import { memo, type ReactNode, useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import type { Source } from '../../lib/rag/citations';
import { timestampUrl } from '../../lib/video/timestamps';
import type { VideoSite } from '../../lib/video/video-site';
import { SourceLink } from '../files/source-link';
import { ExternalLink } from '../ui/external-link';
import type { LinkPolicy } from './link-policy';
import { ModelLink } from './model-link';
import { markdownComponents } from './plain-markdown';
import { remarkCitations } from './remark-citations';
import { remarkHtmlAsText } from './remark-html-as-text';
import { remarkTimestamps, secondsOfHref } from './remark-timestamps';

/** The video an answer is about: its times link to `&t=…s` (YouTube) or `?t=…` (Bilibili) on its watch page. */
export interface VideoTarget {
  readonly url: string;
  readonly site: VideoSite;
  readonly durationSec: number;
}

/** A citation marker: opens the saved page's original (a saved file: the reader), at the cited passage. */
function CitationLink({ source }: { source: Source }) {
  return (
    <SourceLink source={source} className="citation" label={source.title}>
      [{source.n}]
    </SourceLink>
  );
}

/** A time in an answer about a video: opens the watch page at that moment. */
function TimestampLink({ video, seconds, children }: { video: VideoTarget; seconds: number; children: ReactNode }) {
  return (
    <ExternalLink href={timestampUrl(video.url, video.site, seconds)} className="timestamp">
      {children}
    </ExternalLink>
  );
}

const noSources: readonly Source[] = [];

/**
 * Model output as Markdown: GFM, highlighted code, no raw HTML, no remote
 * images. With `sources`, citation markers such as [1] link to them (Aside
 * makes those links, so they are not the model's). `links` says which of the
 * model's links may be opened (link-policy.ts): every caller decides. With
 * `video`, times such as [03:25] link to that moment of the video (Aside
 * makes those links from the page's own address).
 */
export const Markdown = memo(function Markdown({
  text,
  links,
  sources = noSources,
  video,
}: {
  text: string;
  links: LinkPolicy;
  sources?: readonly Source[];
  video?: VideoTarget | undefined;
}) {
  const components = useMemo<Components>(() => {
    const base = markdownComponents(links);
    if (sources.length === 0 && !video) return base;
    return {
      ...base,
      a: ({ href, children }) => {
        const source = href?.startsWith('#cite-') ? sources.find((s) => `#cite-${s.n}` === href) : undefined;
        const seconds = video ? secondsOfHref(href) : undefined;
        return source ? (
          <CitationLink source={source} />
        ) : video && seconds !== undefined ? (
          <TimestampLink video={video} seconds={seconds}>
            {children}
          </TimestampLink>
        ) : (
          <ModelLink href={href ?? ''} policy={links}>
            {children}
          </ModelLink>
        );
      },
    };
  }, [links, sources, video]);
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[
          remarkGfm,
          remarkHtmlAsText,
          [remarkCitations, { count: sources.length }],
          [remarkTimestamps, { maxSeconds: video ? video.durationSec : null }],
        ]}
        rehypePlugins={[[rehypeHighlight, { detect: false }]]}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
});
