import { useEffect, useRef, useState } from 'preact/hooks';
import { CardChangedError } from '@/lib/db/card-writes';
import { toPackCard } from '@/lib/db/cards';
import { draftSlot, dropDraft, keepDraft, readKeptDraft } from '@/lib/db/editor-draft';
import type { BackstoryDB } from '@/lib/db/schema';
import type { Card } from '@/lib/pack/types';
import type { CatalogEntry } from '@/lib/search/catalog';
import type { SearchIndex } from '@/lib/search/search-index';
import type { CardActions } from '../manager/use-card-actions';
import { CardForm, type SaveDraft } from './CardForm';
import { type Draft, draftOf, emptyDraft, isDraft } from './draft';

/** Props of the card editor. */
export interface CardEditorProps {
  db: BackstoryDB;
  /** The card to edit; undefined for a new card. */
  cardId: string | undefined;
  byId: ReadonlyMap<string, CatalogEntry>;
  index: SearchIndex;
  actions: Pick<CardActions, 'create' | 'save' | 'remove'>;
  /** Called after save (with the card's id), cancel or delete. */
  onClose(savedId?: string): void;
  /** Unsaved changes kept from an earlier session, to continue from. */
  keptDraft?: Draft;
  /** Where that draft is kept (a new card's own slot); a stored card's is found by its id. */
  draftSlot?: string;
  /** Where a new card starts (a title the search did not find); not a change until edited. */
  startDraft?: Draft;
  /** Something else was asked for while the form holds changes: the form asks first. */
  leaving?: boolean;
  /** The reader answered "Keep editing". */
  onStay?(): void;
  /** Tells whether the form holds unsaved changes. */
  onUnsaved?(unsaved: boolean): void;
}

/** A stored card (pack fields only; null when there is none) and its kept unsaved edit. */
interface Opened {
  card: Card | null;
  /** When the stored card was last written, as read: a save checks it has not changed. */
  modified?: number;
  kept?: Draft;
}

/**
 * The stored card, undefined while loading. The kept draft comes with it when it is this
 * card's: the reader left it unsaved (the popup closed, or "Open in a tab" carried it here),
 * and opening the card again continues it instead of dropping it on the next save.
 */
function useStoredCard(db: BackstoryDB, id: string | undefined): Opened | undefined {
  const [opened, setOpened] = useState<Opened | undefined>(undefined);
  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    const kept = readKeptDraft(db, draftSlot(id)).catch(() => undefined);
    Promise.all([db.cards.get(id), kept]).then(
      ([stored, draft]) =>
        current &&
        setOpened({
          card: stored ? toPackCard(stored) : null,
          ...(stored ? { modified: stored.modified } : {}),
          // Not over a card changed since (an import, another window): that draft waits in
          // the "Continue editing" offer, where the reader chooses it knowingly.
          ...(draft && isDraft(draft.draft) && (!stored || draft.kept >= stored.modified)
            ? { kept: draft.draft }
            : {}),
        }),
      () => current && setOpened({ card: null }),
    );
    return () => {
      current = false;
    };
  }, [db, id]);
  return opened;
}

/** Opens a card (or a blank one) in the form and carries out save and delete. */
export function CardEditor(props: CardEditorProps) {
  const { db, cardId, actions } = props;
  const opened = useStoredCard(db, cardId);
  const stored = opened?.card;
  // This card's own draft slot, for as long as the editor is open on it: every other draft
  // kept (another card's, left when the popup closed) is neither overwritten nor dropped.
  const slot = useRef(props.draftSlot ?? draftSlot(cardId)).current;
  // Saved, discarded or deleted: the kept draft has served its purpose.
  // A save that ends after the reader went on to another card (Discard while it ran) is not
  // this editor's to close: the card on screen is another.
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const onClose = (savedId?: string) => {
    if (!mounted.current) return;
    dropDraft(db, slot).catch(console.error);
    props.onClose(savedId);
  };
  const onDraft = (draft: Draft) => {
    const title = draft.title.trim() || stored?.title || 'a new card';
    keepDraft(db, slot, {
      ...(cardId === undefined ? {} : { cardId }),
      title,
      draft,
      kept: Date.now(),
    }).catch(console.error);
  };
  // The version this editor would replace. After a refused save it is the newer one: the
  // reader was told, and Save again replaces it.
  const expected = useRef<number | undefined>(undefined);
  if (expected.current === undefined && opened?.modified !== undefined) expected.current = opened.modified;
  const keptDraft = props.keptDraft ?? opened?.kept;
  const kept = keptDraft !== undefined;
  if (cardId !== undefined && opened === undefined && !kept) return <p role="status">Opening the card…</p>;
  if (cardId !== undefined && stored === null && !kept) {
    return (
      <div class="card-form__gone" role="alert">
        <p>This card no longer exists; it may have been deleted in another window.</p>
        <button type="button" class="button" onClick={() => onClose()}>
          Back to the cards
        </button>
      </div>
    );
  }
  const onSave: SaveDraft = async ({ card }) => {
    if (cardId !== undefined) {
      try {
        await actions.save(card, expected.current);
      } catch (error) {
        if (error instanceof CardChangedError) expected.current = error.modified;
        throw error;
      }
      onClose(cardId);
      return;
    }
    const { id: _placeholder, ...fields } = card;
    const write = await actions.create(fields);
    onClose(write.card.id);
  };
  return (
    <CardForm
      key={cardId ?? 'new'}
      cardId={cardId}
      initial={keptDraft ?? (stored ? draftOf(stored) : (props.startDraft ?? emptyDraft()))}
      startDirty={kept}
      onDraft={onDraft}
      byId={props.byId}
      index={props.index}
      onSave={onSave}
      onClose={() => onClose()}
      leaving={props.leaving}
      onStay={props.onStay}
      onUnsaved={props.onUnsaved}
      onDelete={
        cardId === undefined
          ? undefined
          : () => {
              actions.remove(cardId).then(() => onClose(), console.error);
            }
      }
    />
  );
}
