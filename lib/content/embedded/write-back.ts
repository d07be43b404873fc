import type { EditTarget } from './selection-target';

/**
 * Writes an answer into the field the selection came from. It goes through
 * `execCommand('insertText')` after restoring the selection, so the page sees
 * ordinary input events and its own undo (Ctrl+Z) takes the change back.
 * `execCommand` is deprecated but is still the only way to join the
 * browser's undo stack from script.
 */
export function writeBack(target: NonNullable<EditTarget>, text: string, mode: 'replace' | 'insert-below'): boolean {
  if (target.kind === 'text-control') {
    const { element } = target;
    element.focus();
    if (mode === 'replace') element.setSelectionRange(target.start, target.end);
    else element.setSelectionRange(target.end, target.end);
    const insert = mode === 'replace' ? text : `\n${text}`;
    const done = element.ownerDocument.execCommand('insertText', false, insert);
    if (!done)
      element.setRangeText(insert, element.selectionStart ?? target.end, element.selectionEnd ?? target.end, 'end');
    // The field's text moved: later runs replace what is there now.
    target.end = element.selectionEnd ?? target.end;
    target.start = target.end - insert.length + (mode === 'replace' ? 0 : 1);
    return true;
  }
  const { root, range } = target;
  root.focus();
  const selection = root.ownerDocument.getSelection();
  if (!selection) return false;
  const restored = range.cloneRange();
  if (mode === 'insert-below') restored.collapse(false);
  selection.removeAllRanges();
  selection.addRange(restored);
  const done = root.ownerDocument.execCommand('insertText', false, mode === 'replace' ? text : `\n${text}`);
  // The old range no longer points at the text; later writes go after what was just inserted.
  if (selection.rangeCount > 0) target.range = selection.getRangeAt(0).cloneRange();
  return done;
}
