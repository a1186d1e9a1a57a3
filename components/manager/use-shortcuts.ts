import { useEffect, useRef } from 'preact/hooks';

/** What the manager's global shortcuts do. */
export interface ShortcutHandlers {
  /** Ctrl/⌘+K anywhere, "/" outside a text field. */
  search(): void;
  /** Alt+N anywhere, "n" outside a text field. */
  newCard(): void;
  /** Ctrl/⌘+Z outside a text field (inside one it undoes typing). */
  undo(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Which shortcut a keydown is, if any. `event.code` keeps Alt+N working on macOS. */
export function shortcutOf(event: KeyboardEvent): keyof ShortcutHandlers | undefined {
  const command = event.ctrlKey || event.metaKey;
  const typing = isTyping(event.target);
  if (command && !event.altKey && event.key.toLowerCase() === 'k') return 'search';
  if (event.altKey && !command && event.code === 'KeyN') return 'newCard';
  if (command && !event.shiftKey && event.key.toLowerCase() === 'z' && !typing) return 'undo';
  if (typing || command || event.altKey) return undefined;
  if (event.key === '/') return 'search';
  if (event.key === 'n') return 'newCard';
  return undefined;
}

/** Listens for the manager's shortcuts on the document while mounted. */
export function useShortcuts(handlers: ShortcutHandlers, doc: Document = document): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (!shortcut || event.defaultPrevented) return;
      event.preventDefault();
      current.current[shortcut]();
    };
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [doc]);
}
