import { parseTimestamp } from '../../lib/video/timestamps';

interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
}

/** The link target a timestamp becomes; `Markdown` renders such links as links into the video. */
export const timestampHref = (seconds: number) => `#t-${seconds}`;

/** The seconds of a `#t-…` target, or undefined for any other link. */
export function secondsOfHref(href: string | undefined): number | undefined {
  const match = /^#t-(\d{1,6})$/.exec(href ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Turns times in an answer about a video ("[03:25]", "[1:02:03]") into links
 * to that moment, for times within the video's length. Times inside code and
 * inside the model's own links stay as they are.
 */
export function remarkTimestamps({ maxSeconds }: { maxSeconds: number | null }) {
  return (tree: unknown) => {
    if (maxSeconds === null) return;
    const visit = (node: Node) => {
      if (!node.children || node.type === 'link') return;
      node.children = node.children.flatMap((child) =>
        child.type === 'text' ? splitTimestamps(child, maxSeconds) : [child],
      );
      node.children.forEach(visit);
    };
    visit(tree as Node);
  };
}

function splitTimestamps(node: Node, maxSeconds: number): Node[] {
  const text = node.value ?? '';
  const parts: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[((?:\d{1,2}:)?\d{1,2}:\d{2})\]/g)) {
    const seconds = parseTimestamp(match[1] ?? '');
    if (seconds === undefined || seconds > maxSeconds) continue;
    if (match.index > last) parts.push({ type: 'text', value: text.slice(last, match.index) });
    parts.push({ type: 'link', url: timestampHref(seconds), children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return [node];
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}
