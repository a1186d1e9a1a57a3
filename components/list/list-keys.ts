/** What a key pressed in the card list asks for. */
export type ListKeyAction =
  | { kind: 'move'; to: number }
  | { kind: 'leave-top' }
  | { kind: 'delete' }
  | undefined;

/**
 * Keyboard of the card list (the listbox pattern over rows): arrows, Home/End and
 * PageUp/PageDown move the active row; ArrowUp on the first row goes back to the search
 * field; Delete (or ⌘⌫) deletes the active card. Enter and Space belong to the row's button.
 */
export function listKeyAction(
  key: string,
  active: number,
  count: number,
  pageRows: number,
  modifiers: { metaKey?: boolean } = {},
): ListKeyAction {
  const last = count - 1;
  // A Mac keyboard has no Delete key: ⌘⌫ deletes there, as in the Finder and Mail.
  if (key === 'Backspace' && modifiers.metaKey) return { kind: 'delete' };
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', to: Math.min(last, active + 1) };
    case 'ArrowUp':
      return active <= 0 ? { kind: 'leave-top' } : { kind: 'move', to: active - 1 };
    case 'Home':
      return { kind: 'move', to: 0 };
    case 'End':
      return { kind: 'move', to: last };
    case 'PageDown':
      return { kind: 'move', to: Math.min(last, active + pageRows) };
    case 'PageUp':
      return { kind: 'move', to: Math.max(0, active - pageRows) };
    case 'Delete':
      return { kind: 'delete' };
    default:
      return undefined;
  }
}
