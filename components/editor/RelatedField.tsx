import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LIMITS } from '@/lib/pack/limits';
import type { CatalogEntry } from '@/lib/search/catalog';
import type { SearchIndex } from '@/lib/search/search-index';
import { CloseIcon } from '../card/icons';
import { describedBy, FieldMessages, type FieldNotes } from './FieldMessages';

/** Props of the related-cards field. */
export interface RelatedFieldProps {
  id: string;
  related: readonly string[];
  /** The card being edited (never its own relation); undefined for a new card. */
  selfId: string | undefined;
  /** Every card by id, for the titles of the linked cards. */
  byId: ReadonlyMap<string, CatalogEntry>;
  index: SearchIndex;
  notes: FieldNotes;
  onRelated(ids: string[]): void;
}

const SUGGESTIONS = 6;

/**
 * The cards this card links to: chips to remove, and a search to add more. Enter in the
 * search links the first card offered (it is inside the card's form, which Enter would
 * otherwise save); ↓ and ↑ move between the search and the cards offered.
 */
export function RelatedField(props: RelatedFieldProps) {
  const { id, related } = props;
  const [query, setQuery] = useState('');
  const { byId } = props;
  const addId = `${id}-add`;
  const removeId = (i: number) => `${id}-remove-${i}`;
  const offerId = (i: number) => `${id}-offer-${i}`;
  // A removed chip's button had focus: it goes to the chip now in its place, the one before
  // it, or the search. A layout effect, so no key press lands on the page's body meanwhile.
  const pendingFocus = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (pendingFocus.current === undefined) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = undefined;
  });
  const full = related.length >= LIMITS.related;
  const suggestions = useMemo(() => {
    if (full || query.trim() === '') return [];
    const taken = new Set([...related, props.selfId]);
    return props.index
      .search({ text: query })
      .filter((entry) => !taken.has(entry.id))
      .slice(0, SUGGESTIONS);
  }, [full, query, related, props.index, props.selfId]);
  const link = (entry: CatalogEntry) => {
    props.onRelated([...related, entry.id]);
    setQuery('');
    document.getElementById(addId)?.focus();
  };

  return (
    <fieldset class="related-field">
      <legend class="field__label">Related cards</legend>
      {related.length > 0 && (
        <ul class="related-field__chips" aria-label="Related cards">
          {related.map((other, i) => {
            const title = byId.get(other)?.title;
            return (
              <li key={other} class="chip">
                <span dir="auto">{title ?? `${other} (no such card)`}</span>
                <button
                  type="button"
                  id={removeId(i)}
                  class="button button--quiet"
                  aria-label={`Remove related card ${title ?? other}`}
                  onClick={() => {
                    pendingFocus.current =
                      i < related.length - 1 ? removeId(i) : i > 0 ? removeId(i - 1) : addId;
                    props.onRelated(related.filter((x) => x !== other));
                  }}
                >
                  <CloseIcon />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label class="field__hint" for={addId}>
        {full ? `A card links to at most ${LIMITS.related} others.` : 'Add a related card'}
      </label>
      <input
        id={addId}
        class="field__input"
        type="search"
        dir="auto"
        autoComplete="off"
        // Not `disabled`: linking the fiftieth card leaves focus here, and a disabled field
        // would drop it to the page's body.
        readOnly={full}
        aria-disabled={full}
        // Where an error about the whole list (an id no card has) is read.
        aria-describedby={describedBy(id, props.notes)}
        placeholder="Search cards to link"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Not while an input method is composing: its Enter ends the word.
          if (event.key === 'Enter' && !event.isComposing) {
            event.preventDefault();
            if (suggestions[0]) link(suggestions[0]);
          } else if (event.key === 'ArrowDown' && suggestions.length > 0) {
            event.preventDefault();
            document.getElementById(offerId(0))?.focus();
          }
        }}
      />
      {suggestions.length > 0 && (
        <ul class="related-field__suggestions" aria-label="Cards to link">
          {suggestions.map((entry, i) => (
            <li key={entry.id}>
              <button
                type="button"
                id={offerId(i)}
                class="button button--quiet"
                dir="auto"
                onClick={() => link(entry)}
                onKeyDown={(event) => {
                  const to = event.key === 'ArrowDown' ? i + 1 : event.key === 'ArrowUp' ? i - 1 : undefined;
                  if (to === undefined) return;
                  event.preventDefault();
                  document
                    .getElementById(to < 0 ? addId : offerId(Math.min(to, suggestions.length - 1)))
                    ?.focus();
                }}
              >
                Link “{entry.title}”
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldMessages id={id} notes={props.notes} />
    </fieldset>
  );
}
