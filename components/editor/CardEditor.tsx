import { useEffect, useState } from 'preact/hooks';
import { toPackCard } from '@/lib/db/cards';
import { dropDraft, keepDraft } from '@/lib/db/editor-draft';
import type { BackstoryDB } from '@/lib/db/schema';
import type { Card } from '@/lib/pack/types';
import type { CatalogEntry } from '@/lib/search/catalog';
import type { SearchIndex } from '@/lib/search/search-index';
import type { CardActions } from '../manager/use-card-actions';
import { CardForm, type SaveDraft } from './CardForm';
import { type Draft, draftOf, emptyDraft } from './draft';

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
  /** Where a new card starts (a title the search did not find); not a change until edited. */
  startDraft?: Draft;
}

/** The stored card (pack fields only): undefined while loading, null when there is none. */
function useStoredCard(db: BackstoryDB, id: string | undefined): Card | null | undefined {
  const [card, setCard] = useState<Card | null | undefined>(undefined);
  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    db.cards.get(id).then(
      (stored) => current && setCard(stored ? toPackCard(stored) : null),
      () => current && setCard(null),
    );
    return () => {
      current = false;
    };
  }, [db, id]);
  return card;
}

/** Opens a card (or a blank one) in the form and carries out save and delete. */
export function CardEditor(props: CardEditorProps) {
  const { db, cardId, actions } = props;
  const stored = useStoredCard(db, cardId);
  // Saved, discarded or deleted: the kept draft has served its purpose.
  const onClose = (savedId?: string) => {
    dropDraft(db).catch(console.error);
    props.onClose(savedId);
  };
  const onDraft = (draft: Draft) => {
    const title = draft.title.trim() || stored?.title || 'a new card';
    keepDraft(db, { ...(cardId === undefined ? {} : { cardId }), title, draft, kept: Date.now() }).catch(
      console.error,
    );
  };
  const kept = props.keptDraft !== undefined;
  if (cardId !== undefined && stored === undefined && !kept) return <p role="status">Opening the card…</p>;
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
      await actions.save(card);
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
      initial={props.keptDraft ?? (stored ? draftOf(stored) : (props.startDraft ?? emptyDraft()))}
      startDirty={props.keptDraft !== undefined}
      onDraft={onDraft}
      byId={props.byId}
      index={props.index}
      onSave={onSave}
      onClose={() => onClose()}
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
