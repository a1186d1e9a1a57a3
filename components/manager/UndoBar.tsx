import type { DeletedCard } from '@/lib/db/card-writes';
import { CloseIcon } from '../card/icons';

/** Props of the undo bar. */
export interface UndoBarProps {
  deleted: DeletedCard | undefined;
  onUndo(): void;
  onDismiss(): void;
}

/**
 * Offers to bring back the card just deleted. It stays until the reader undoes, dismisses
 * or deletes another card: no timer hurries anyone (WCAG 2.2.1). The live region of the
 * manager announces the delete; this bar holds the buttons.
 */
export function UndoBar({ deleted, onUndo, onDismiss }: UndoBarProps) {
  if (!deleted) return null;
  return (
    <div class="undo-bar">
      <span class="undo-bar__text" dir="auto">
        Deleted “{deleted.card.title}”
      </span>
      <button type="button" class="button" aria-keyshortcuts="Control+Z" onClick={onUndo}>
        Undo
      </button>
      <button
        type="button"
        class="button button--quiet"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={onDismiss}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
