interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/**
 * Turns raw HTML in model output into plain text, so `<img onerror=…>` or a
 * `<script>` shows as the characters the model wrote and never becomes markup.
 */
export function remarkHtmlAsText() {
  return (tree: unknown) => {
    const visit = (node: Node) => {
      if (node.type === 'html') node.type = 'text';
      node.children?.forEach(visit);
    };
    visit(tree as Node);
  };
}
