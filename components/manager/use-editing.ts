import { useRef, useState } from 'preact/hooks';
import { markUsed } from '@/lib/db/recent-cards';
import type { BackstoryDB } from '@/lib/db/schema';
import type { Draft } from '../editor/draft';

/**
 * The card open in the editor: `draft` is unsaved work kept from before (the editor opens
 * with it as changes to save); `start` is where a new card begins, such as the title a search
 * did not find (closing it untouched asks nothing).
 */
export type Editing = { id: string | undefined; draft?: Draft; slot?: string; start?: Draft } | undefined;

/**
 * Tells apart what the editor shows: a stored card by id, a new card by its kept draft's
 * slot or where it starts.
 */
export function editorKey(editing: NonNullable<Editing>): string {
  return editing.id ?? `new:${editing.slot ?? ''}:${editing.start?.title ?? ''}`;
}

/** The editor's card, and the way to another one that never drops an unsaved edit. */
export interface EditorState {
  editing: Editing;
  /**
   * The reader asked for something else while the form held unsaved changes: the form asks
   * "Discard your changes?", and the switch waits for its answer.
   */
  leaving: boolean;
  /**
   * Opens a card, a new card, or (undefined) nothing; asks first when the open form holds
   * unsaved changes. False when it asked instead of opening.
   */
  open(next: Editing): boolean;
  /**
   * The form closed itself (saved, discarded, deleted): what waited for it opens now, and
   * is returned (undefined when the editor stays closed).
   */
  closed(): Editing;
  /** The reader chose to keep editing: the switch is off. */
  stay(): void;
  /** The open form tells whether it holds unsaved changes. */
  onUnsaved(unsaved: boolean): void;
}

/**
 * Which card is in the editor. Opening another (a row of the list beside the editor, New
 * card, Alt+N, the search shortcut in the popup) while the form holds unsaved changes asks
 * the form's own question first: the kept draft is one edit, and the next card's first
 * change would overwrite it.
 */
export function useEditing(db: BackstoryDB, initial: Editing): EditorState {
  const [editing, setEditing] = useState<Editing>(initial);
  const [waiting, setWaitingState] = useState<{ next: Editing } | undefined>();
  // Also in a ref: a save started before the question finishes after it, and its close must
  // see what the reader asked for since, not what its render saw.
  const waitingRef = useRef<{ next: Editing } | undefined>(undefined);
  const setWaiting = (value: { next: Editing } | undefined) => {
    waitingRef.current = value;
    setWaitingState(value);
  };
  // A ref: the form reports on every change of state, and nothing shows it.
  const unsaved = useRef(false);
  const show = (next: Editing) => {
    setEditing(next);
    // Opened here: the card goes to the top of the list as the most recently used.
    if (next?.id !== undefined) markUsed(db, next.id).catch(console.error);
  };
  return {
    editing,
    leaving: waiting !== undefined,
    open: (next) => {
      // Already open: a second click on its row is not a switch.
      if (editing && next && editorKey(editing) === editorKey(next)) return true;
      if (editing && unsaved.current) {
        setWaiting({ next });
        return false;
      }
      show(next);
      return true;
    },
    closed: () => {
      const next = waitingRef.current?.next;
      setWaiting(undefined);
      show(next);
      return next;
    },
    stay: () => setWaiting(undefined),
    onUnsaved: (value) => {
      unsaved.current = value;
    },
  };
}
