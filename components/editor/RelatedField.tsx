import { useMemo, useState } from 'preact/hooks';
import { LIMITS } from '@/lib/pack/limits';
import type { CatalogEntry } from '@/lib/search/catalog';
import type { SearchIndex } from '@/lib/search/search-index';
import { CloseIcon } from '../card/icons';
import { FieldMessages, type FieldNotes } from './FieldMessages';

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

/** The cards this card links to: chips to remove, and a search to add more. */
export function RelatedField(props: RelatedFieldProps) {
  const { id, related } = props;
  const [query, setQuery] = useState('');
  const { byId } = props;
  const full = related.length >= LIMITS.related;
  const suggestions = useMemo(() => {
    if (full || query.trim() === '') return [];
    const taken = new Set([...related, props.selfId]);
    return props.index
      .search({ text: query })
      .filter((entry) => !taken.has(entry.id))
      .slice(0, SUGGESTIONS);
  }, [full, query, related, props.index, props.selfId]);

  return (
    <fieldset class="related-field">
      <legend class="field__label">Related cards</legend>
      {related.length > 0 && (
        <ul class="related-field__chips" aria-label="Related cards">
          {related.map((other) => {
            const title = byId.get(other)?.title;
            return (
              <li key={other} class="chip">
                <span dir="auto">{title ?? `${other} (no such card)`}</span>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={`Remove related card ${title ?? other}`}
                  onClick={() => props.onRelated(related.filter((x) => x !== other))}
                >
                  <CloseIcon />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label class="field__hint" for={`${id}-add`}>
        {full ? `A card links to at most ${LIMITS.related} others.` : 'Add a related card'}
      </label>
      <input
        id={`${id}-add`}
        class="field__input"
        type="search"
        dir="auto"
        autoComplete="off"
        // Not `disabled`: linking the fiftieth card leaves focus here, and a disabled field
        // would drop it to the page's body.
        readOnly={full}
        aria-disabled={full}
        placeholder="Search cards to link"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {suggestions.length > 0 && (
        <ul class="related-field__suggestions" aria-label="Cards to link">
          {suggestions.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                class="button button--quiet"
                dir="auto"
                onClick={() => {
                  props.onRelated([...related, entry.id]);
                  setQuery('');
                  document.getElementById(`${id}-add`)?.focus();
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
