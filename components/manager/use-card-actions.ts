import { useRef, useState } from 'preact/hooks';
import {
  type CardWrite,
  createCard,
  type DeletedCard,
  deleteCard,
  type NewCard,
  restoreCard,
  saveCard,
} from '@/lib/db/card-writes';
import { markUsed } from '@/lib/db/recent-cards';
import type { BackstoryDB } from '@/lib/db/schema';
import type { Card } from '@/lib/pack/types';
import type { LiveCatalog, OwnWrite } from '@/lib/search/live-catalog';
import type { ManagerEnv } from './env';

/** Card writes as the manager makes them, and what the reader is told about them. */
export interface CardActions {
  create(fields: NewCard): Promise<CardWrite>;
  /** Saves an edit; with `expected` (see saveCard), not over a card changed since. */
  save(card: Card, expected?: number): Promise<CardWrite>;
  remove(id: string): Promise<void>;
  /** Brings back the last deleted card. */
  undo(): Promise<void>;
  dismissUndo(): void;
  /** The card the last delete removed, while it can still be undone. */
  deleted: DeletedCard | undefined;
  /** The latest message for the live region ("Saved “NATO”"). */
  message: string;
}

/**
 * Wraps the card writes: each one also patches the catalog, tells open tabs to repaint
 * (so a page shows the change at once) and leaves a message for screen readers.
 */
export function useCardActions(db: BackstoryDB, env: ManagerEnv, catalog: LiveCatalog): CardActions {
  const [deleted, setDeleted] = useState<DeletedCard | undefined>();
  const [message, setMessage] = useState('');
  const removing = useRef(new Set<string>());

  const after = (write: OwnWrite, text: string) => {
    catalog.applyOwn(write);
    setMessage(text);
    env.refreshTabs().catch((error: unknown) => console.debug('Backstory: tabs not refreshed', error));
  };

  return {
    deleted,
    message,
    create: async (fields) => {
      const write = await createCard(db, fields);
      after({ revision: write.revision, put: write.card }, `Created “${write.card.title}”.`);
      await markUsed(db, write.card.id);
      return write;
    },
    save: async (card, expected) => {
      const write = await saveCard(db, card, Date.now(), expected);
      after({ revision: write.revision, put: write.card }, `Saved “${write.card.title}”.`);
      // Saved again after it was deleted: there is no delete left to undo.
      if (deleted?.card.id === card.id) setDeleted(undefined);
      return write;
    },
    remove: async (id) => {
      // A second Delete on the row while the first is under way.
      if (removing.current.has(id)) return;
      removing.current.add(id);
      const gone = await deleteCard(db, id).finally(() => removing.current.delete(id));
      if (!gone) {
        // Deleted elsewhere a moment ago; the catalog drops it when it hears of that write.
        setMessage('That card was already deleted, perhaps in another window.');
        return;
      }
      setDeleted(gone);
      after({ revision: gone.revision, removed: id }, `Deleted “${gone.card.title}”. Undo brings it back.`);
    },
    undo: async () => {
      if (!deleted) return;
      const write = await restoreCard(db, deleted);
      setDeleted(undefined);
      if (!write) {
        setMessage(`“${deleted.card.title}” was saved again since it was deleted; that is kept.`);
        return;
      }
      after({ revision: write.revision, put: write.card }, `Restored “${write.card.title}”.`);
    },
    dismissUndo: () => setDeleted(undefined),
  };
}
