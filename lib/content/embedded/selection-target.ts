/** Where the selected text lives, so Replace and Insert below can write back to it. */
export type EditTarget =
  | {
      readonly kind: 'text-control';
      readonly element: HTMLTextAreaElement | HTMLInputElement;
      start: number;
      end: number;
    }
  | { readonly kind: 'contenteditable'; readonly root: HTMLElement; range: Range }
  | null;

export interface SelectionSnapshot {
  readonly text: string;
  /** Viewport rectangle to anchor the toolbar and card to. */
  readonly rect: DOMRect;
  readonly target: EditTarget;
}

const textInputTypes = new Set(['text', 'search', 'url', 'email', 'tel', '']);

function isTextControl(element: Element | null): element is HTMLTextAreaElement | HTMLInputElement {
  if (element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && textInputTypes.has(element.type);
}

/** Password fields, and anything inside one's form field, never get the toolbar. */
export function isPasswordField(element: Element | null): boolean {
  return element instanceof HTMLInputElement && element.type === 'password';
}

/**
 * The current selection with its position and editable target, or null when
 * nothing (or only whitespace, or a password) is selected. Text controls keep
 * their own selection, which `getSelection()` does not report.
 */
export function snapshotSelection(document: Document, ignore: Element): SelectionSnapshot | null {
  const active = document.activeElement;
  if (isPasswordField(active)) return null;
  if (isTextControl(active)) {
    const start = active.selectionStart ?? 0;
    const end = active.selectionEnd ?? 0;
    const text = active.value.slice(start, end);
    if (text.trim() === '') return null;
    return {
      text,
      rect: active.getBoundingClientRect(),
      target: { kind: 'text-control', element: active, start, end },
    };
  }
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (ignore.contains(range.commonAncestorContainer)) return null;
  const text = selection.toString();
  if (text.trim() === '') return null;
  const container = range.commonAncestorContainer;
  const element = container instanceof Element ? container : container.parentElement;
  const editable = element?.closest<HTMLElement>('[contenteditable]:not([contenteditable="false"])') ?? null;
  const rects = range.getClientRects();
  const rect = rects.length > 0 ? (rects[rects.length - 1] as DOMRect) : range.getBoundingClientRect();
  return {
    text,
    rect,
    target: editable?.isContentEditable ? { kind: 'contenteditable', root: editable, range: range.cloneRange() } : null,
  };
}
