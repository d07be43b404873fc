interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
}

/** The link target a citation marker becomes; `Markdown` renders such links as source links. */
export const citationHref = (n: number) => `#cite-${n}`;

/**
 * Turns citation markers in an answer ("[1]", "[2]") into links, for the
 * numbers that have a source. Markers inside code stay text; other numbers in
 * brackets are left alone.
 */
export function remarkCitations({ count }: { count: number }) {
  return (tree: unknown) => {
    const visit = (node: Node) => {
      if (!node.children || node.type === 'link') return;
      node.children = node.children.flatMap((child) =>
        child.type === 'text' ? splitCitations(child, count) : [child],
      );
      node.children.forEach(visit);
    };
    visit(tree as Node);
  };
}

function splitCitations(node: Node, count: number): Node[] {
  const text = node.value ?? '';
  const parts: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d{1,3})\]/g)) {
    const n = Number(match[1]);
    if (n < 1 || n > count) continue;
    if (match.index > last) parts.push({ type: 'text', value: text.slice(last, match.index) });
    parts.push({ type: 'link', url: citationHref(n), children: [{ type: 'text', value: `[${n}]` }] });
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return [node];
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}
